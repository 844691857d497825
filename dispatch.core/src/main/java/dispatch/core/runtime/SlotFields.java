package dispatch.core.runtime;

/**
 * The fields of {@link SlotTable}, with padding between what completing threads read (the
 * slot array) and what the owner writes on every yield (free list, counter, statistics), so
 * that each yield does not cost every completer a cache miss. Only the middle is padded, for
 * the reason given in {@link dispatch.core.runtime.queue.Inbox}.
 */
final class SlotFields {

    private SlotFields() {
    }

    abstract static class Shared {
        ProcessCell cell;
        volatile YieldSlot[] slots;
    }

    @SuppressWarnings("unused")
    abstract static class Pad extends Shared {
        long p10, p11, p12, p13, p14, p15, p16, p17;
    }

    /** Written by the owner only; the counters are read racily for statistics. */
    abstract static class Owner extends Pad {
        int used;
        int[] free = NO_FREE_SLOTS; // most processes never have more than one yield out
        int freeCount;
        long sequence;
        long yields;
        long completions;
        long errors;
    }

    static final int[] NO_FREE_SLOTS = {};
}
