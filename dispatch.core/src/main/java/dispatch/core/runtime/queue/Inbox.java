package dispatch.core.runtime.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

// The fields of the Inbox, spread over a class hierarchy with padding in between (as JCTools lays
// out its queues): the JVM lays out a superclass's fields before a subclass's, so 64 bytes of
// unused longs keep the producers' tail off the consumer's cache line.

abstract class InboxTail {
    @SuppressWarnings("unused") // accessed through Inbox.TAIL
    volatile Node tail;
}

@SuppressWarnings("unused")
abstract class InboxPad extends InboxTail {
    long p10, p11, p12, p13, p14, p15, p16, p17;
}

abstract class InboxHead extends InboxPad {
    Node head; // consumer only
    Node stub;
}

/**
 * The scheduler's run queue of processes: many producers (whoever makes a process runnable: a
 * worker, the timer's thread, a JDBC thread, a sender), consumers that take turns under a lock.
 * This is D. Vyukov's intrusive MPSC queue: a push is one atomic exchange, without a retry
 * however many threads push at once, and order is the order of those exchanges. (A process's
 * own events queue in its cell, see {@link Mailbox}.)
 *
 * <p>{@link #poll()} may return {@code null} while a producer is between its exchange and its
 * link. The producer signals the workers afterwards, but its link is a release store that may
 * become visible only after its read of their state; so a consumer about to sleep must look at
 * {@link #isEmpty()} (which reads the tail, written by the exchange, a full fence) after it
 * announced that it sleeps.
 *
 * <p>The producers' tail and the consumer's head sit on different cache lines (the classes
 * above), so that they do not slow each other down.
 */
public final class Inbox extends InboxHead {

    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(InboxTail.class, "tail", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Stub extends Node {
    }

    /** An empty queue. */
    public Inbox() {
        Node first = new Stub();
        stub = first;
        head = first;
        TAIL.setRelease(this, first);
    }

    /** Appends a node. Safe from any thread; the node must not be in any queue. */
    public void push(Node node) {
        node.clearNext();
        Node previous = (Node) TAIL.getAndSet(this, node);
        previous.linkNext(node);
    }

    /** Takes the oldest node, or {@code null}. Consumer only. */
    public Node poll() {
        Node first = head;
        Node next = first.next();
        if (first == stub) {
            if (next == null) {
                return null;
            }
            head = next;
            first = next;
            next = next.next();
        }
        if (next != null) {
            head = next;
            return first;
        }
        if (first != (Node) TAIL.getVolatile(this)) {
            return null; // a producer is linking; it will signal
        }
        push(stub);
        next = first.next();
        if (next != null) {
            head = next;
            return first;
        }
        return null;
    }

    /**
     * Whether nothing is queued, not even a node still being linked. Exact for the consumer;
     * a hint for any other thread.
     */
    public boolean isEmpty() {
        return TAIL.getVolatile(this) == stub && head == stub;
    }
}
