package dispatch.core.runtime;

/**
 * The fields of {@link Inbox}, spread over a class hierarchy with padding in between: the JVM
 * lays out a superclass's fields before a subclass's, so 64 bytes of unused longs keep the
 * producers' tail off the consumer's cache line (and off whatever object lies next to it).
 */
final class InboxFields {

    private InboxFields() {
    }

    @SuppressWarnings("unused")
    abstract static class TailPad {
        long p00, p01, p02, p03, p04, p05, p06, p07;
    }

    abstract static class Tail extends TailPad {
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

    @SuppressWarnings("unused")
    abstract static class HeadPad extends Head {
        long p20, p21, p22, p23, p24, p25, p26, p27;
    }
}
