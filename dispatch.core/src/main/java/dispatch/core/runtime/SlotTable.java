package dispatch.core.runtime;

import java.util.Arrays;
import java.util.function.Consumer;

// The fields of the SlotTable, with padding between what completing threads read (the slot array)
// and what the owner writes on every yield (free list, counter, statistics), so that each yield
// does not cost every completer a cache miss. Only the middle is padded; the JVM lays out a
// superclass's fields before a subclass's (see the run queue's Inbox).

abstract class SlotTableShared {
    ProcessCell cell;
    volatile YieldSlot[] slots;
}

@SuppressWarnings("unused")
abstract class SlotTablePad extends SlotTableShared {
    long p10, p11, p12, p13, p14, p15, p16, p17;
}

/** Written by the owner only; the counters are read racily for statistics. */
abstract class SlotTableOwner extends SlotTablePad {
    private static final int[] NO_FREE_SLOTS = {};

    int used;
    int[] free = NO_FREE_SLOTS; // most processes never have more than one yield out
    int freeCount;
    long sequence;
    long yields;
    long completions;
    long errors;
}

/**
 * The yield slots of one process, indexed by the low bits of the tag, so that a completion
 * from any thread finds its slot with one array read: no map, no boxing, no lock. The high
 * bits of a tag are the process-local yield counter, which makes every tag unique and lets a
 * slot tell its current yield from an older one. Only the process's own thread acquires and
 * frees slots; any thread may look one up. The owner's bookkeeping (and the process's
 * counters) lies on other cache lines than the array completers read (the classes above).
 */
final class SlotTable extends SlotTableOwner {

    static final int INDEX_BITS = 20;
    static final int MAX_SLOTS = 1 << INDEX_BITS;
    private static final long INDEX_MASK = MAX_SLOTS - 1;
    private static final long MAX_SEQUENCE = (1L << (62 - INDEX_BITS)) - 1;

    SlotTable(ProcessCell cell) {
        this.cell = cell;
        this.slots = new YieldSlot[4];
        // The first slot is made with the cell, so that it lies next to it in memory: most
        // processes yield one thing at a time and reuse it for good, and a reference between
        // neighbours costs the collector no remembered-set work when it is stored.
        this.slots[0] = new YieldSlot(cell, 0);
    }

    /** Owner: a free slot and a fresh tag for it; the caller activates it. */
    YieldSlot acquire() {
        int index;
        YieldSlot[] current = slots;
        if (freeCount > 0) {
            index = free[--freeCount];
        } else {
            if (used == MAX_SLOTS) {
                throw new IllegalStateException("process " + cell.pid() + " has " + MAX_SLOTS + " outstanding yields");
            }
            index = used++;
            if (index == current.length) {
                current = Arrays.copyOf(current, Math.min(MAX_SLOTS, current.length * 2));
                slots = current;
            }
        }
        YieldSlot slot = current[index];
        if (slot == null) {
            slot = new YieldSlot(cell, index);
            current[index] = slot;
        }
        return slot;
    }

    /** Owner: slots holding a yield or a result not yet consumed. */
    int inUse() {
        return used - freeCount;
    }

    /** Owner: the next tag for a slot just acquired. */
    long nextTag(YieldSlot slot) {
        sequence = sequence == MAX_SEQUENCE ? 1 : sequence + 1;
        return (sequence << INDEX_BITS) | slot.index;
    }

    /** Owner: a consumed, completed slot goes back to the pool. */
    void recycle(YieldSlot slot) {
        slot.free();
        release(slot.index);
    }

    /** Owner: a cancelled slot is replaced, so whoever still holds it keeps seeing the cancellation. */
    void retire(YieldSlot slot) {
        slot.drop();
        slots[slot.index] = new YieldSlot(cell, slot.index);
        release(slot.index);
    }

    private void release(int index) {
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, Math.max(4, freeCount * 2));
        }
        free[freeCount++] = index;
    }

    /** Any thread: the slot a tag points to (which may hold another yield by now), or {@code null}. */
    YieldSlot lookup(long tag) {
        long index = tag & INDEX_MASK;
        YieldSlot[] current = slots;
        return tag > 0 && index < current.length ? current[(int) index] : null;
    }

    /** Any thread: visits every slot that exists now. */
    void forEach(Consumer<YieldSlot> action) {
        for (YieldSlot slot : slots) {
            if (slot != null) {
                action.accept(slot);
            }
        }
    }

    /** Any thread: how many yields are outstanding, as seen now. */
    int countPending() {
        int count = 0;
        for (YieldSlot slot : slots) {
            if (slot != null && slot.state() == YieldSlot.PENDING) {
                count++;
            }
        }
        return count;
    }

    /** Any thread: results completed but not consumed yet, as seen now. */
    int countCompleted() {
        int count = 0;
        for (YieldSlot slot : slots) {
            if (slot != null && slot.state() != YieldSlot.PENDING && slot.state() != YieldSlot.FREE) {
                count++;
            }
        }
        return count;
    }
}
