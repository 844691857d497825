package dispatch.core.runtime.scheduling;

import dispatch.core.runtime.queue.Inbox;
import dispatch.core.runtime.queue.Node;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The run queue of step processes and the workers that take from it. The queue is intrusive
 * (a process links itself), so scheduling allocates nothing; a process is in it at most once,
 * which its state machine guarantees. The scheduler knows a process only as a {@link Slice}
 * to run, and a worker's state for it only as {@code L}. It is an {@link Inbox}: whoever schedules a process
 * (a worker, the timer's thread, a JDBC thread, a sender) pushes with one atomic exchange and
 * takes no lock; only the workers, which take turns at the consuming end, share a lock.
 *
 * <p>Waking a parked worker costs tens of microseconds on small machines, so a worker without
 * work spins a little first (one worker at a time), and a producer wakes a parked worker only
 * when no worker is spinning (a spinning one will find the work). A worker about to park says
 * so first and then looks at the queue once more, while a producer pushes first and then looks
 * for a parked worker: one of the two always sees the other, so no wake-up is lost.
 *
 * @param <L> the state each worker keeps for the slices it runs
 */
public final class Scheduler<L> {

    /** Spin iterations that only pause (a few microseconds) before the spin yields its core instead. */
    static final int PAUSES_BEFORE_YIELDING = 64;

    private final int stepsPerSlice;
    private final Worker<L>[] workers;
    private final Inbox runQueue = new Inbox();
    private final Object takeLock = new Object(); // the consuming end of runQueue

    private final Object idleLock = new Object();
    private final Worker<L>[] idle; // guarded by idleLock
    private volatile int idleCount; // written under idleLock
    private volatile int spinning; // written under idleLock

    private volatile boolean stopped;
    private volatile int spinIterations;
    private volatile long spinNanos;

    /**
     * @param workers        worker threads; 0 runs nothing by itself (the caller {@link #poll polls})
     * @param spinIterations how often an idle worker looks for work before it parks
     * @param spinNanos      the longest an idle worker spins before it parks
     * @param stepsPerSlice  the budget of each slice
     * @param locals         makes each worker's state for the slices it runs
     */
    @SuppressWarnings("unchecked") // arrays of a generic type
    public Scheduler(int workers, int spinIterations, long spinNanos, int stepsPerSlice, Supplier<? extends L> locals) {
        this.stepsPerSlice = stepsPerSlice;
        this.workers = new Worker[workers];
        this.idle = new Worker[workers];
        this.spinIterations = spinIterations;
        this.spinNanos = spinNanos;
        for (int i = 0; i < workers; i++) {
            this.workers[i] = new Worker<>(this, i, locals.get());
        }
    }

    /** Starts the workers. */
    public void start() {
        for (Worker<L> worker : workers) {
            worker.thread.start();
        }
    }

    /**
     * One turn of a worker's spin: a pause at first; past a short gap it lets another thread
     * have the core (with fewer cores than busy threads, a pure spin would delay the very work,
     * or result, it waits for).
     */
    public static void pause(int iteration) {
        if (iteration < PAUSES_BEFORE_YIELDING) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
    }

    /** Changes how long idle workers spin; takes effect at their next idle spell. */
    public void spin(int iterations, long nanos) {
        spinIterations = iterations;
        spinNanos = nanos;
    }

    /** Whether a worker may wait on a process that expects results (not when the caller drives). */
    public boolean spinsOnProcesses() {
        return workers.length > 0;
    }

    /** Spin iterations of an idle worker before it parks, or of one waiting for a process's results. */
    public int spinIterations() {
        return spinIterations;
    }

    /** The longest such a spin lasts. */
    public long spinNanos() {
        return spinNanos;
    }

    /** Whether processes are waiting in the run queue (a hint while they are being queued). */
    public boolean hasWork() {
        return !runQueue.isEmpty();
    }

    /** The budget of a slice: steps a process runs in a row before others get a turn. */
    public int stepsPerSlice() {
        return stepsPerSlice;
    }

    /** Queues a process whose state just became SCHEDULED (it is in no queue). Any thread. */
    public <S extends Node & Slice<L>> void schedule(S slice) {
        runQueue.push(slice); // a full fence: the reads below see a worker that said it parks
        if (spinning == 0 && idleCount > 0) {
            wakeOne();
        }
    }

    /** Takes the next process, or {@code null}; wakes a helper when more work waits. */
    @SuppressWarnings("unchecked") // only slices are scheduled
    public Slice<L> poll() {
        if (runQueue.isEmpty()) {
            return null;
        }
        Slice<L> slice;
        synchronized (takeLock) {
            slice = (Slice<L>) runQueue.poll();
        }
        if (slice != null && spinning == 0 && idleCount > 0 && !runQueue.isEmpty()) {
            wakeOne(); // more work than this worker can take, and nobody looking for it
        }
        return slice;
    }

    private void wakeOne() {
        Worker<L> wake = null;
        synchronized (idleLock) {
            if (spinning == 0 && idleCount > 0) {
                wake = idle[--idleCount];
                idle[idleCount] = null;
                wake.parked = false;
            }
        }
        if (wake != null) {
            LockSupport.unpark(wake.thread);
        }
    }

    /**
     * Called by a worker that found nothing: spins briefly, then parks until woken.
     *
     * @return a process to run, or {@code null} (woken, or stopping)
     */
    Slice<L> idle(Worker<L> worker) {
        boolean spin;
        synchronized (idleLock) {
            // One spinner is enough to catch the next piece of work; a second would only take
            // a core from the threads that produce it (on small machines they are the bottleneck).
            spin = spinning == 0;
            spinning++;
        }
        int iterations = spin ? spinIterations : 0;
        long deadline = System.nanoTime() + spinNanos;
        for (int i = 0; i < iterations && runQueue.isEmpty() && !stopped; i++) {
            pause(i);
            if ((i & 15) == 15 && System.nanoTime() - deadline > 0) {
                break;
            }
        }
        synchronized (idleLock) {
            spinning--;
        }
        Slice<L> slice = poll();
        if (slice != null || stopped) {
            return slice;
        }
        synchronized (idleLock) {
            worker.parked = true;
            idle[idleCount] = worker;
            idleCount++;
        }
        if (!runQueue.isEmpty()) {
            withdraw(worker); // work came while it said it parks: take it instead
            return poll();
        }
        while (worker.parked && !stopped) {
            LockSupport.park(this);
        }
        return null;
    }

    /** Takes a worker off the idle list again, unless a producer has claimed it already. */
    private void withdraw(Worker<L> worker) {
        synchronized (idleLock) {
            if (!worker.parked) {
                return;
            }
            worker.parked = false;
            for (int i = 0; i < idleCount; i++) {
                if (idle[i] == worker) {
                    idle[i] = idle[idleCount - 1];
                    idle[idleCount - 1] = null;
                    idleCount--;
                    return;
                }
            }
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** Stops the workers; waits at most {@code millis} for them. */
    public void stop(long millis) {
        stopped = true;
        synchronized (idleLock) {
            for (int i = 0; i < idleCount; i++) {
                idle[i].parked = false;
                idle[i] = null;
            }
            idleCount = 0;
        }
        for (Worker<L> worker : workers) {
            LockSupport.unpark(worker.thread);
        }
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (Worker<L> worker : workers) {
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

    /** The worker threads; 0 when the caller drives the processes. */
    public int workerCount() {
        return workers.length;
    }
}
