package dispatch.module.clock.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One entry of the {@link TimingWheel}, and at the same time the payload: subclasses add the
 * few fields they need (a receiver and a tag for a sleep), so a scheduled sleep is a single
 * small object with no lambda, queue node or future beside it.
 *
 * <p>The state says who owns the entry and makes every transition race-free:
 * <pre>
 * FREE --schedule--&gt; PENDING (in the inbox) --wheel thread--&gt; SCHEDULED (in a slot)
 * SCHEDULED --due--&gt; FIRING --&gt; DONE, or back to SCHEDULED for a repeating task
 * PENDING | SCHEDULED | FIRING --cancel--&gt; CANCELLED
 * </pre>
 * A task is scheduled at most once: DONE and CANCELLED are final.
 */
abstract class WheelTask {

    static final int FREE = 0;
    static final int PENDING = 1;
    static final int SCHEDULED = 2;
    static final int FIRING = 3;
    static final int DONE = 4;
    static final int CANCELLED = 5;

    /** Returned by {@link #expire} for a task that does not repeat. */
    static final long NO_REPEAT = Long.MIN_VALUE;

    static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(WheelTask.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    volatile int state;
    /** The deadline in {@link System#nanoTime()} terms; set before the task is published. */
    long deadline;
    /** Wheel-thread only: the slot list (circular, through a sentinel) the task is in. */
    WheelTask prev;
    WheelTask next;
    /** The inbox link: set by the producer pushing the task, read once by the wheel thread. */
    WheelTask link;
    /** Wheel-thread only: the slot index, so that unlinking can clear the slot's bit. */
    short slot;

    /**
     * Runs on the wheel thread when the task is due. Must be short and must not block: it
     * delays every other task.
     *
     * @param nowNanos the current {@link System#nanoTime()}
     * @return the next deadline of a repeating task, or {@link #NO_REPEAT}
     */
    abstract long expire(long nowNanos);

    /**
     * Runs once when the wheel is closed before the task fired (on the closing thread, or on
     * the thread that scheduled the task if it raced with the close). The default does nothing.
     */
    void abort() {
    }

    /** Which of the wheel's live counters ({@link TimingWheel#live(int)}) counts this task. */
    abstract int kind();

    final boolean casState(int expected, int update) {
        return STATE.compareAndSet(this, expected, update);
    }

    final boolean isLinked() {
        return next != null;
    }
}
