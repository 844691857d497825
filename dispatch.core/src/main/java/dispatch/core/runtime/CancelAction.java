package dispatch.core.runtime;

import dispatch.api.Subscription;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A handler's cancel callback on one {@link YieldSlot}. Each registration is its own object,
 * so closing a stale subscription can never touch the action of a later yield of the same
 * (recycled) slot. Closing only marks it: the slot's list is lock-free and lets go of its
 * actions when the yield ends; a cancellation that raced with the close may still run it, as
 * {@code YieldContext.onCancel} allows.
 */
final class CancelAction implements Subscription {

    static final Subscription NONE = () -> { };
    /** What a slot's list holds once its cancellation took the actions. */
    static final CancelAction FIRED = new CancelAction(() -> { });

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(CancelAction.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Runnable action;
    private volatile boolean closed;
    CancelAction next; // written before the node is pushed, read after it was taken

    CancelAction(Runnable action) {
        this.action = action;
    }

    void fire() {
        if (!closed) {
            run(action);
        }
    }

    /** The first node from {@code head} on that is still open, so closed ones do not pile up on a long yield. */
    static CancelAction skipClosed(CancelAction head) {
        CancelAction node = head;
        while (node != null && node.closed) {
            node = node.next;
        }
        return node;
    }

    static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(CancelAction.class.getName()).log(Level.WARNING, "dispatch: a cancel action failed", e);
        }
    }

    @Override
    public void close() {
        // a release store, not a fenced one: a cancellation that misses it may run the action anyway
        CLOSED.setRelease(this, true);
    }
}
