package dispatch.core.runtime.scheduling;

import java.lang.System.Logger.Level;

/** A platform thread that runs step processes from the run queue, with state of its own for them. */
final class Worker<L> implements Runnable {

    final Thread thread;
    private final Scheduler<L> scheduler;
    private final L local;
    volatile boolean parked; // set and cleared under the scheduler's idle lock

    Worker(Scheduler<L> scheduler, int index, L local) {
        this.scheduler = scheduler;
        this.local = local;
        this.thread = Threads.platform(this, "dispatch-worker-" + index);
    }

    @Override
    public void run() {
        int budget = scheduler.stepsPerSlice();
        while (!scheduler.stopped()) {
            Slice<L> slice = scheduler.poll();
            if (slice == null) {
                slice = scheduler.idle(this);
            }
            if (slice != null) {
                try {
                    slice.runSlice(budget, local);
                } catch (Throwable fatal) {
                    // runSlice contains every failure of a process; only errors of the JVM get here
                    System.getLogger(Worker.class.getName()).log(Level.ERROR, "dispatch: worker error", fatal);
                }
            }
        }
    }
}
