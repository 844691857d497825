package dispatch.core.runtime;

/**
 * The fields of {@link SlotTable}, with padding between what completing threads read (the
 * slot array) and what the owner writes on every yield (free list, counter, statistics), so
 * that each yield does not cost every completer a cache miss. See {@link InboxFields}.
 */
final class SlotFields {

    private SlotFields() {
    }

    @SuppressWarnings("unused")
    abstract static class SharedPad {
        long p00, p01, p02, p03, p04, p05, p06, p07;
    }

    abstract static class Shared extends SharedPad {
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
        int[] free = new int[4];
        int freeCount;
        long sequence;
        long yields;
        long completions;
        long errors;
    }

    @SuppressWarnings("unused")
    abstract static class OwnerPad extends Owner {
        long p20, p21, p22, p23, p24, p25, p26, p27;
    }
}
