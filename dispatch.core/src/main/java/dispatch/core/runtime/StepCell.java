package dispatch.core.runtime;

import dispatch.api.Command;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.runtime.queue.Node;
import dispatch.core.runtime.scheduling.Scheduler;
import dispatch.core.runtime.scheduling.Slice;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;

/**
 * A {@link StepProcess} on the workers, with its scheduling state machine:
 *
 * <pre>
 *   IDLE ──event──▶ SCHEDULED ──worker takes it──▶ RUNNING ──no events, WAIT──▶ IDLE
 *                      ▲                            │  ▲
 *                      └──slice used up / CONTINUE──┘  │ event while running
 *                                                   RUNNING_NOTIFIED ──▶ (runs again)
 * </pre>
 *
 * A producer first pushes its node into the mailbox and then signals; only the {@code IDLE ->
 * SCHEDULED} transition puts the process into the run queue, so it is queued at most once
 * and run by one worker at a time. The worker leaves {@code RUNNING} for {@code IDLE} with
 * a compare-and-set that fails if a signal came in between, so no wake-up is lost.
 */
final class StepCell extends ProcessCell implements StepOutput, Slice<StepScratch> {

    static final int IDLE = 0;
    static final int SCHEDULED = 1;
    static final int RUNNING = 2;
    static final int RUNNING_NOTIFIED = 3;
    static final int DEAD = 4;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(StepCell.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final StepProcess process;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = SCHEDULED;

    // Owner only: written by the thread running the process, read by the next one after the
    // state's hand-over through the run queue. Written only when they change: completing
    // threads read the state on the same cache line.
    private boolean started;
    private boolean continueWanted;
    /** The running thread's batches (see {@link StepScratch}); stale while nobody runs the process. */
    private StepScratch scratch;
    /**
     * Events a slice left unconsumed when its budget ran out: made the first time that happens,
     * then kept (a process that ran out once is a busy one, and may again).
     */
    private EventBatch carried;

    StepCell(DispatchRuntime runtime, long pid, StepProcess process) {
        super(runtime, pid, nameOf(process));
        this.process = process;
    }

    private static String nameOf(StepProcess process) {
        try {
            return String.valueOf(process.name());
        } catch (RuntimeException e) {
            return process.getClass().getName();
        }
    }

    int state() {
        return (int) STATE.getVolatile(this);
    }

    @Override
    void start() {
        runtime.scheduler.schedule(this);
    }

    /** Makes sure the process runs after an event was queued. Any thread. */
    void signal() {
        while (true) {
            int current = state();
            switch (current) {
                case IDLE -> {
                    if (STATE.compareAndSet(this, IDLE, SCHEDULED)) {
                        runtime.scheduler.schedule(this);
                        return;
                    }
                }
                case RUNNING -> {
                    if (STATE.compareAndSet(this, RUNNING, RUNNING_NOTIFIED)) {
                        return;
                    }
                }
                default -> {
                    return; // SCHEDULED or NOTIFIED already, or DEAD
                }
            }
        }
    }

    @Override
    void deliver(Node node) {
        if (owner == currentThreadId()) {
            // A handler completed on the worker running this process: no atomics needed, but
            // whatever other threads completed earlier must come first.
            drainMailbox();
            scratch.pending.add(node);
        } else {
            enqueueEvent(node);
            signal();
        }
    }

    @Override
    void wakeForEnd() {
        signal();
    }

    @Override
    String stateName() {
        return switch (state()) {
            case IDLE -> "WAITING";
            case SCHEDULED -> "RUNNABLE";
            case RUNNING, RUNNING_NOTIFIED -> "RUNNING";
            default -> "DEAD";
        };
    }

    private void drainMailbox() {
        for (Node node = pollEvent(); node != null; node = pollEvent()) {
            scratch.pending.add(node);
        }
    }

    /**
     * Runs the process for up to {@code budget} steps on the calling thread, with that thread's
     * batches. Called only by the thread that took the process from the run queue (state
     * SCHEDULED).
     */
    @Override
    public void runSlice(int budget, StepScratch batches) {
        long self = currentThreadId();
        STATE.setVolatile(this, RUNNING);
        owner = self;
        if (scratch != batches) {
            scratch = batches;
        }
        batches.clear(); // empty unless a JVM error broke off the last slice on them
        if (carried != null && carried.size() > 0) {
            carried.moveTo(batches.pending);
        }
        int steps = 0;
        while (true) {
            if (endReason() != null) {
                end(null);
                return;
            }
            drainMailbox();
            if (!started || continueWanted || scratch.pending.size() > 0) {
                if (!step()) {
                    return;
                }
                steps++;
            }
            if (endReason() != null) {
                continue;
            }
            if (continueWanted || scratch.pending.size() > 0) {
                if (steps >= budget) {
                    requeue();
                    return;
                }
                continue;
            }
            if (resultsDueSoon()) {
                continue;
            }
            owner = NO_OWNER;
            if (STATE.compareAndSet(this, RUNNING, IDLE)) {
                // A producer that pushed after the last drain saw RUNNING and made it
                // RUNNING_NOTIFIED (failing this), or sees IDLE and schedules the process.
                return;
            }
            // RUNNING_NOTIFIED: something arrived after the last drain
            STATE.setVolatile(this, RUNNING);
            owner = self;
            if (steps >= budget) {
                requeue();
                return;
            }
        }
    }

    /**
     * Whether results arrived while the worker, having nothing else to do, waited a little for
     * them. A process with outstanding yields expects results soon; staying RUNNING for a
     * moment spares every completion the trip through the run queue and the worker's wake-up.
     */
    private boolean resultsDueSoon() {
        Scheduler<StepScratch> scheduler = runtime.scheduler;
        if (slots.inUse() == 0 || !scheduler.spinsOnProcesses()) {
            return false;
        }
        int iterations = scheduler.spinIterations();
        long deadline = System.nanoTime() + scheduler.spinNanos();
        for (int i = 0; i < iterations; i++) {
            if (!noEvents() || endReason() != null) {
                return true;
            }
            if (scheduler.hasWork()) {
                return false; // others are waiting for this worker
            }
            Scheduler.pause(i);
            if ((i & 15) == 15 && System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return false;
    }

    private void requeue() {
        if (scratch.pending.size() > 0) {
            if (carried == null) {
                carried = new EventBatch();
            }
            scratch.pending.moveTo(carried);
        }
        owner = NO_OWNER;
        STATE.setVolatile(this, SCHEDULED);
        runtime.scheduler.schedule(this);
    }

    /** One step; {@code false} when the process ended in it. */
    private boolean step() {
        EventBatch events = scratch.takePending();
        if (!started) {
            started = true;
        }
        Status status;
        try {
            status = process.step(events, this);
        } catch (Throwable thrown) {
            recycle(events);
            end(ExitReason.failed(thrown));
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            return false;
        }
        recycle(events);
        if (status == Status.DONE) {
            end(ExitReason.NORMAL_EXIT);
            return false;
        }
        if (status == null) {
            end(ExitReason.failed(new NullPointerException("step() of " + name + " returned null")));
            return false;
        }
        boolean again = status == Status.CONTINUE;
        if (continueWanted != again) {
            continueWanted = again;
        }
        return true;
    }

    private void recycle(EventBatch events) {
        for (int i = 0, n = events.size(); i < n; i++) {
            Node node = events.node(i);
            if (node instanceof YieldSlot slot) {
                consumed(slot);
            } else {
                messageTaken((MessageNode) node);
            }
        }
        events.clear();
    }

    private void end(ExitReason reason) {
        owner = NO_OWNER;
        STATE.setVolatile(this, DEAD);
        scratch.clear();
        finish(reason == null ? endReason() : reason);
    }

    // --- StepOutput, valid during a step on the owning worker ---

    @Override
    public long yield(Command<?> command) {
        checkOwner();
        return dispatch(command, -1);
    }

    @Override
    public long yield(Command<?> command, Duration timeout) {
        checkOwner();
        return dispatch(command, nanos(timeout));
    }

    private void checkOwner() {
        if (owner != currentThreadId()) {
            throw new IllegalStateException("the output of " + this + " is valid only during its step");
        }
    }
}
