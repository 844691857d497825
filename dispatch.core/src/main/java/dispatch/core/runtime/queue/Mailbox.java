package dispatch.core.runtime.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The event queue of one process, laid into the process's cell: many producers (any thread that
 * completes a yield or sends a message), one consumer (whoever runs the process at the time).
 * Producers push onto a stack with one compare-and-set; the consumer takes the whole stack with
 * one exchange and reverses it, so events come out in the order their pushes succeeded.
 *
 * <p>Fields of the cell rather than an object of its own: a million waiting processes keep no
 * queue object, stub node or padding each, and a completion writes only the cell, whose state
 * the signal after it writes anyway (each further line of a process that has been idle for a
 * while is a cache miss for the completing thread). A push is complete when its compare-and-set
 * succeeds, a full fence, so a consumer that announced it goes idle and then finds the stack
 * empty cannot miss a producer that reads the announcement only after pushing. The run queue,
 * which all threads share and which the workers drain one process at a time, stays an
 * {@link Inbox}.
 */
public abstract class Mailbox extends Node {

    private static final VarHandle INCOMING;

    static {
        try {
            INCOMING = MethodHandles.lookup().findVarHandle(Mailbox.class, "incoming", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through INCOMING
    private volatile Node incoming; // pushed, newest first
    private Node taken; // consumer only: taken from the stack, oldest first

    /** Queues an event node for the process. Any thread; the node must not be queued anywhere. */
    protected final void enqueueEvent(Node node) {
        Node top = (Node) INCOMING.getVolatile(this);
        while (true) {
            node.setNext(top);
            Node witness = (Node) INCOMING.compareAndExchange(this, top, node);
            if (witness == top) {
                return;
            }
            top = witness;
        }
    }

    /** The oldest queued event node, or {@code null}. Consumer only. */
    protected final Node pollEvent() {
        Node first = taken;
        if (first == null) {
            if (INCOMING.getVolatile(this) == null) {
                return null;
            }
            first = reverse((Node) INCOMING.getAndSet(this, null));
        }
        Node rest = first.next();
        if (rest != null) {
            first.clearNext();
        }
        if (taken != rest) { // producers read this line: no store that changes nothing
            taken = rest;
        }
        return first;
    }

    /** Whether no event is queued. Exact for the consumer; a hint for any other thread. */
    protected final boolean noEvents() {
        return taken == null && INCOMING.getVolatile(this) == null;
    }

    private static Node reverse(Node newestFirst) {
        Node oldestFirst = null;
        Node node = newestFirst;
        while (node != null) {
            Node older = node.next();
            node.setNext(oldestFirst);
            oldestFirst = node;
            node = older;
        }
        return oldestFirst;
    }
}
