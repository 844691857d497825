package dispatch.core.runtime.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An element of a process's {@link Mailbox} or of the run queue (an {@link Inbox}). Intrusive
 * (the link lives in the element) so that queueing a pooled result allocates nothing. Public to
 * be extended by the runtime's nodes (the cells, their yield slots, messages); the link itself
 * is the queues' business only.
 */
public abstract class Node {

    static final VarHandle NEXT;

    static {
        try {
            NEXT = MethodHandles.lookup().findVarHandle(Node.class, "next", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through NEXT
    private volatile Node next;

    protected Node() {
    }

    final Node next() {
        return (Node) NEXT.getAcquire(this);
    }

    /** A plain store: for a node that a later compare-and-set or exchange publishes. */
    final void setNext(Node successor) {
        NEXT.set(this, successor);
    }

    final void clearNext() {
        NEXT.set(this, null);
    }

    final void linkNext(Node successor) {
        NEXT.setRelease(this, successor);
    }
}
