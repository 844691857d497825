package dispatch.core.runtime;

/**
 * What the worker running a {@link StepCell} changes on every step, kept off the cache lines
 * that completing threads read (the cell's state, its inbox and slot table references).
 */
final class StepLocals extends StepFields.TrailingPad {

    /** Swaps the batches: the pending events become the step's, a cleared one collects the next. */
    EventBatch takePending() {
        EventBatch events = pending;
        pending = spare;
        spare = events;
        return events;
    }
}
