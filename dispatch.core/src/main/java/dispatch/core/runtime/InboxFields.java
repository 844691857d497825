package dispatch.core.runtime;

/**
 * The fields of {@link Inbox}, spread over a class hierarchy with padding in between: the JVM
 * lays out a superclass's fields before a subclass's, so 64 bytes of unused longs keep the
 * producers' tail off the consumer's cache line.
 */
final class InboxFields {

    private InboxFields() {
    }

    abstract static class Tail {
        @SuppressWarnings("unused") // accessed through Inbox.TAIL
        volatile Node tail;
    }

    @SuppressWarnings("unused")
    abstract static class Pad extends Tail {
        long p10, p11, p12, p13, p14, p15, p16, p17;
    }

    abstract static class Head extends Pad {
        Node head; // consumer only
        Node stub;
    }
}
