package dispatch.core.runtime;

import java.lang.System.Logger.Level;

/** A platform thread that runs step processes from the run queue. */
final class Worker implements Runnable {

    final Thread thread;
    private final Scheduler scheduler;
    private final StepScratch scratch = new StepScratch();
    volatile boolean parked; // set and cleared under the scheduler's idle lock

    Worker(Scheduler scheduler, int index) {
        this.scheduler = scheduler;
        this.thread = Threads.platform(this, "dispatch-worker-" + index);
    }

    @Override
    public void run() {
        int budget = scheduler.stepsPerSlice();
        while (!scheduler.stopped()) {
            StepCell cell = scheduler.poll();
            if (cell == null) {
                cell = scheduler.idle(this);
            }
            if (cell != null) {
                try {
                    cell.runSlice(budget, scratch);
                } catch (Throwable fatal) {
                    // runSlice contains every failure of a process; only errors of the JVM get here
                    System.getLogger(Worker.class.getName()).log(Level.ERROR, "dispatch: worker error", fatal);
                }
            }
        }
    }
}
