package dispatch.core.runtime.scheduling;

/**
 * What the run queue holds: a process that runs in slices on whichever worker takes it. A slice
 * is a {@link dispatch.core.runtime.queue.Node} too, so that the run queue links it without
 * allocating.
 *
 * @param <L> the state each worker keeps for the slices it runs (the runtime's event batches)
 */
public interface Slice<L> {

    /**
     * Runs up to {@code budget} steps on the calling thread, the only one running it now, with
     * that thread's {@code local} state.
     */
    void runSlice(int budget, L local);
}
