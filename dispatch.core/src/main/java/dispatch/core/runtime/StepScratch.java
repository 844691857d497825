package dispatch.core.runtime;

/**
 * The event batches of the step process a thread is running: one collects what arrives, the
 * other is the step's. They belong to the thread (a worker, or a thread that drives the
 * runtime), not to each process: a process needs them only while it runs, so a million waiting
 * processes hold none, and the running one finds them in its thread's cache.
 */
final class StepScratch {

    EventBatch pending = new EventBatch();
    EventBatch spare = new EventBatch();
    /** Set while a slice runs on these batches; a step that drives the runtime itself needs others. */
    boolean inUse;

    /** Swaps the batches: the pending events become the step's, a cleared one collects the next. */
    EventBatch takePending() {
        EventBatch events = pending;
        pending = spare;
        spare = events;
        return events;
    }

    /** Drops whatever the batches hold. */
    void clear() {
        pending.clear();
        spare.clear();
    }
}
