package dispatch.core.runtime;

/**
 * What the worker running a {@link StepCell} changes on every step, kept out of the cell
 * object, whose state, inbox and slot table references completing threads read. Not padded:
 * see {@link InboxFields}.
 */
final class StepLocals {

    EventBatch pending = new EventBatch();
    EventBatch spare = new EventBatch();
    boolean started;
    boolean continueWanted;

    /** Swaps the batches: the pending events become the step's, a cleared one collects the next. */
    EventBatch takePending() {
        EventBatch events = pending;
        pending = spare;
        spare = events;
        return events;
    }
}
