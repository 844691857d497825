package dispatch.core.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * The run queue of step processes and the workers that take from it. The queue is intrusive
 * (a process links itself), so scheduling allocates nothing; a process is in it at most once,
 * which its state machine guarantees.
 *
 * <p>Waking a parked worker costs tens of microseconds on small machines, so a worker without
 * work spins a little first (one worker at a time), and a producer wakes a parked worker only
 * when no worker is spinning (a spinning one will find the work). Parking is decided under the queue's lock
 * after a last look at the queue, and a producer picks the worker to wake under the same
 * lock, so no wake-up is lost.
 */
final class Scheduler {

    private final Object lock = new Object();
    private final RuntimeSettings settings;
    private final Worker[] workers;

    // Guarded by lock.
    private StepCell head;
    private StepCell tail;
    private final Worker[] idle;
    private int idleCount;
    private int spinning;

    private volatile int size;
    private volatile boolean stopped;
    private volatile int spinIterations;
    private volatile long spinNanos;

    Scheduler(RuntimeSettings settings) {
        this.settings = settings;
        this.workers = new Worker[settings.workers()];
        this.idle = new Worker[settings.workers()];
        this.spinIterations = settings.spinIterations();
        this.spinNanos = settings.spinNanos();
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, i);
        }
    }

    void start() {
        for (Worker worker : workers) {
            worker.thread.start();
        }
    }

    /** Changes how long idle workers spin; takes effect at their next idle spell. */
    void spin(int iterations, long nanos) {
        spinIterations = iterations;
        spinNanos = nanos;
    }

    /** Whether a worker may wait on a process that expects results (not when the caller drives). */
    boolean spinsOnProcesses() {
        return workers.length > 0;
    }

    int spinIterations() {
        return spinIterations;
    }

    long spinNanos() {
        return spinNanos;
    }

    /** Whether processes are waiting in the run queue. */
    boolean hasWork() {
        return size != 0;
    }

    int stepsPerSlice() {
        return settings.stepsPerSlice();
    }

    /** Queues a process whose state just became SCHEDULED. Any thread. */
    void schedule(StepCell cell) {
        Worker wake = null;
        synchronized (lock) {
            cell.nextRunnable = null;
            if (tail == null) {
                head = cell;
            } else {
                tail.nextRunnable = cell;
            }
            tail = cell;
            size++;
            if (spinning == 0 && idleCount > 0) {
                wake = idle[--idleCount];
                wake.parked = false;
            }
        }
        if (wake != null) {
            LockSupport.unpark(wake.thread);
        }
    }

    /** Takes the next process, or {@code null}. */
    StepCell poll() {
        if (size == 0) {
            return null;
        }
        Worker wake;
        StepCell cell;
        synchronized (lock) {
            cell = pollLocked();
            wake = helperLocked();
        }
        if (wake != null) {
            LockSupport.unpark(wake.thread);
        }
        return cell;
    }

    private StepCell pollLocked() {
        StepCell cell = head;
        if (cell != null) {
            head = cell.nextRunnable;
            if (head == null) {
                tail = null;
            }
            cell.nextRunnable = null;
            size--;
        }
        return cell;
    }

    // More work than this worker can take, and nobody looking for it: wake one more.
    private Worker helperLocked() {
        if (size > 0 && spinning == 0 && idleCount > 0) {
            Worker wake = idle[--idleCount];
            wake.parked = false;
            return wake;
        }
        return null;
    }

    /**
     * Called by a worker that found nothing: spins briefly, then parks until woken.
     *
     * @return a process to run, or {@code null} (woken, or stopping)
     */
    StepCell idle(Worker worker) {
        boolean spin;
        synchronized (lock) {
            // One spinner is enough to catch the next piece of work; a second would only take
            // a core from the threads that produce it (on small machines they are the bottleneck).
            spin = spinning == 0;
            spinning++;
        }
        int iterations = spin ? spinIterations : 0;
        long deadline = System.nanoTime() + spinNanos;
        for (int i = 0; i < iterations && size == 0 && !stopped; i++) {
            Thread.onSpinWait();
            if ((i & 255) == 255 && System.nanoTime() - deadline > 0) {
                break;
            }
        }
        StepCell cell;
        Worker wake = null;
        synchronized (lock) {
            spinning--;
            cell = pollLocked();
            if (cell != null) {
                wake = helperLocked();
            } else if (!stopped) {
                worker.parked = true;
                idle[idleCount++] = worker;
            }
        }
        if (wake != null) {
            LockSupport.unpark(wake.thread);
        }
        if (cell == null) {
            while (worker.parked && !stopped) {
                LockSupport.park(this);
            }
        }
        return cell;
    }

    boolean stopped() {
        return stopped;
    }

    /** Stops the workers; waits at most {@code millis} for them. */
    void stop(long millis) {
        stopped = true;
        synchronized (lock) {
            for (int i = 0; i < idleCount; i++) {
                idle[i].parked = false;
            }
            idleCount = 0;
        }
        for (Worker worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Worker worker : workers) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0 && worker.thread != Thread.currentThread()) {
                try {
                    worker.thread.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    int workerCount() {
        return workers.length;
    }
}
