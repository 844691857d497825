package dispatch.core.runtime;

import dispatch.api.Command;
import dispatch.api.ProcessRef;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.api.process.Event;
import dispatch.core.runtime.queue.Node;
import dispatch.core.runtime.scheduling.DeadlineTimer;
import dispatch.core.runtime.scheduling.Expiry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One outstanding yield: the handler's {@link YieldContext}, the process's result
 * {@link Event} and the mailbox node that carries it, in one pooled object.
 *
 * <p>The {@code stamp} packs the tag (the slot's generation) with the slot's state, so that
 * one compare-and-set decides who wins between a completion, a cancellation and a timeout,
 * and a completion for an older tag of a recycled slot can never succeed. A slot whose yield
 * was cancelled is retired rather than recycled: a handler still holding it keeps seeing the
 * cancellation. A completed slot is recycled once the process consumed the result; its
 * handler is done with it by contract (it completed). Either way the slot lets go of the
 * command, the result and the handler's cancel actions, so that a pooled or retired slot
 * never keeps a class of a module that has left.
 *
 * <p>The slot also records which dispatcher registration ({@code claimant}, a service ID) its
 * yield went to, so that when that dispatcher leaves, the runtime can give the yields it
 * left behind a result (see {@link Departures}).
 */
final class YieldSlot extends Node implements YieldContext, Event, Expiry {

    static final int FREE = 0;
    static final int PENDING = 1;
    static final int DONE = 2;
    static final int CANCELLED = 3;

    /** {@link #claimant} of a yield that went to no handler (unknown ID). */
    static final long NO_CLAIMANT = -1;

    private static final VarHandle STAMP;
    private static final VarHandle ACTIONS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STAMP = lookup.findVarHandle(YieldSlot.class, "stamp", long.class);
            ACTIONS = lookup.findVarHandle(YieldSlot.class, "actions", CancelAction.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final ProcessCell cell;
    final int index;

    @SuppressWarnings("unused") // accessed through STAMP
    private volatile long stamp;

    // Written by the owner before dispatch, or by the winner of the stamp before the push
    // into the mailbox, which publishes them to the consumer.
    Command<?> command;
    int commandId;
    long claimant; // the service ID of the dispatcher the yield went to, or NO_CLAIMANT
    Object value;
    Throwable error;
    long deadline = NO_DEADLINE;
    boolean callerWaits; // owner only, read by the handler during handle() on the owner's thread
    DeadlineTimer.Entry timerEntry;
    boolean arrived; // owner only: the result was taken out of the mailbox

    /**
     * The handler's cancel actions: a stack pushed by compare-and-set (no lock, so a handler
     * that registers one pays a single atomic), taken whole by the cancellation, which leaves
     * {@link CancelAction#FIRED} behind so that later registrations run at once.
     */
    @SuppressWarnings("unused") // accessed through ACTIONS
    private volatile CancelAction actions;

    YieldSlot(ProcessCell cell, int index) {
        this.cell = cell;
        this.index = index;
    }

    static long stampOf(long tag, int state) {
        return (tag << 2) | state;
    }

    private long stamp() {
        return (long) STAMP.getVolatile(this);
    }

    int state() {
        return (int) (stamp() & 3);
    }

    /** Owner: starts a yield with a fresh tag; everything is written before the stamp publishes it. */
    void activate(long tag, Command<?> command, int commandId, long claimant, long deadline, boolean callerWaits) {
        this.command = command;
        this.commandId = commandId;
        this.claimant = claimant;
        this.callerWaits = callerWaits;
        this.value = null;
        this.error = null;
        this.deadline = deadline;
        this.timerEntry = null;
        this.arrived = false;
        // Release suffices: whoever completes learned the tag through the handler, after this.
        // A termination racing with this yield is caught by the owner's last sweep (finish).
        STAMP.setRelease(this, stampOf(tag, PENDING));
    }

    /** Wins the yield for a result; the caller then pushes the slot to the process. */
    boolean tryComplete(long tag, Object data, Throwable failure) {
        if (!STAMP.compareAndSet(this, stampOf(tag, PENDING), stampOf(tag, DONE))) {
            return false;
        }
        value = failure == null ? data : null;
        error = failure;
        return true;
    }

    /**
     * Wins the yield for a cancellation and runs the cancel actions on this thread.
     *
     * @param failure the error result to deliver, or {@code null} when nothing is delivered
     */
    boolean tryCancel(long tag, Throwable failure) {
        if (!STAMP.compareAndSet(this, stampOf(tag, PENDING), stampOf(tag, CANCELLED))) {
            return false;
        }
        value = null;
        error = failure;
        CancelAction list = (CancelAction) ACTIONS.getAndSet(this, CancelAction.FIRED);
        for (CancelAction action = list; action != null; action = action.next) {
            action.fire();
        }
        return true;
    }

    /**
     * The tag of the yield outstanding in this slot, or -1. Any thread: what {@link #activate}
     * wrote before the stamp (command ID, claimant) is visible once this returned a tag.
     */
    long pendingTag() {
        long current = stamp();
        return (current & 3) == PENDING ? current >>> 2 : -1;
    }

    /** Cancels the current yield if it is outstanding; used when the process ends. */
    boolean cancelIfPending() {
        long current = stamp();
        return (current & 3) == PENDING && tryCancel(current >>> 2, null);
    }

    /** Owner: the result was consumed; the slot may be reused under a new tag. */
    void free() {
        drop();
        if (actions != null) {
            ACTIONS.setRelease(this, null);
        }
        STAMP.setRelease(this, stampOf(tag(), FREE));
    }

    /**
     * Owner: lets go of what the yield brought in (the command, the result, an error), which
     * may be of a module's classes. Done when the slot is recycled and when it is retired: a
     * retired slot lives on only as long as a handler holds it, and then without them.
     */
    void drop() {
        command = null;
        value = null;
        error = null;
        timerEntry = null;
    }

    /** The timer's way in: the deadline set for {@code tag} passed. */
    @Override
    public void expire(long tag) {
        cell.expire(this, tag);
    }

    // --- YieldContext and Event ---

    @Override
    public long tag() {
        return stamp() >>> 2;
    }

    @Override
    public ProcessRef process() {
        return cell;
    }

    @Override
    public boolean isCancelled() {
        return state() == CANCELLED;
    }

    @Override
    public long deadlineNanos() {
        return deadline;
    }

    @Override
    public boolean callerWaits() {
        return callerWaits;
    }

    @Override
    public Subscription onCancel(Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        CancelAction added = null;
        while (true) {
            CancelAction head = actions;
            if (head == CancelAction.FIRED) {
                CancelAction.run(action); // cancelled already
                return CancelAction.NONE;
            }
            int state = state();
            if (state != PENDING && state != CANCELLED) {
                return CancelAction.NONE; // the yield is over: it will never be cancelled
            }
            // pending, or cancelled but its actions not yet taken: the cancellation takes this one too
            if (added == null) {
                added = new CancelAction(action);
            }
            added.next = CancelAction.skipClosed(head);
            if (ACTIONS.compareAndSet(this, head, added)) {
                return added;
            }
        }
    }

    @Override
    public Kind kind() {
        return Kind.RESULT;
    }

    @Override
    public Object value() {
        return value;
    }

    @Override
    public Throwable error() {
        return error;
    }

    @Override
    public String toString() {
        return "yield " + tag() + " of process " + cell.pid() + " (" + commandId + ")";
    }
}
