package dispatch.core.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The running processes by PID. PIDs are handed out in order, so instead of hashing boxed keys
 * into nodes the table keeps chunks of {@value #CHUNK} consecutive PIDs: finding a process reads
 * a small directory (a few hundred chunks for a million processes, so it stays in cache) and one
 * array element. Per process that is 4 bytes instead of a hash node and a boxed key (~50), and a
 * lookup touches one cold cache line instead of three.
 *
 * <p>Every PID handed out is {@link #retire retired} exactly once: when its process leaves the
 * table, or at once if it never got into it. A chunk whose PIDs are all retired is dropped, so a
 * runtime that has run billions of processes keeps chunks only where processes still run (a
 * long-lived process keeps its own chunk, not the ones after it).
 */
final class ProcessTable {

    static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;

    private static final class Chunk {
        final long index;
        final AtomicReferenceArray<ProcessCell> cells = new AtomicReferenceArray<>(CHUNK);
        /** PIDs of this chunk not retired yet; PID 0 is never handed out. */
        final AtomicInteger unretired;

        Chunk(long index) {
            this.index = index;
            this.unretired = new AtomicInteger(index == 0 ? CHUNK - 1 : CHUNK);
        }
    }

    /** An immutable open-addressing map from chunk index to chunk; replaced whole when a chunk comes or goes. */
    private static final class Directory {
        static final Directory EMPTY = new Directory(List.of());

        final long[] keys; // chunk index + 1; 0 = free
        final Chunk[] chunks;
        final List<Chunk> all;

        Directory(List<Chunk> all) {
            this.all = all;
            int size = Integer.highestOneBit(Math.max(8, all.size() * 2 - 1)) << 1;
            keys = new long[size];
            chunks = new Chunk[size];
            for (Chunk chunk : all) {
                int slot = slotOf(chunk.index);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (size - 1);
                }
                keys[slot] = chunk.index + 1;
                chunks[slot] = chunk;
            }
        }

        Chunk find(long index) {
            int mask = keys.length - 1;
            for (int slot = slotOf(index); ; slot = (slot + 1) & mask) {
                long key = keys[slot];
                if (key == index + 1) {
                    return chunks[slot];
                }
                if (key == 0) {
                    return null;
                }
            }
        }

        private int slotOf(long index) {
            return (int) (index * 0x9E3779B97F4A7C15L >>> 40) & (keys.length - 1);
        }
    }

    private final Object lock = new Object(); // guards replacing the directory
    private volatile Directory directory = Directory.EMPTY;
    private final LongAdder size = new LongAdder();

    /** The process with {@code pid}, or {@code null}. */
    ProcessCell get(long pid) {
        Chunk chunk = directory.find(pid >>> CHUNK_BITS);
        return chunk == null ? null : chunk.cells.get((int) (pid & MASK));
    }

    /** Lists a process under its PID, which must be handed out and not retired. */
    void put(long pid, ProcessCell cell) {
        Chunk chunk = chunkFor(pid);
        size.increment();
        chunk.cells.set((int) (pid & MASK), cell);
    }

    /** Takes the process with {@code pid} out of the table and retires its PID. */
    void remove(long pid) {
        Chunk chunk = directory.find(pid >>> CHUNK_BITS);
        if (chunk != null && chunk.cells.getAndSet((int) (pid & MASK), null) != null) {
            size.decrement();
            retire(chunk);
        }
    }

    /** Retires a PID that was handed out but never listed (its spawn failed). */
    void retire(long pid) {
        retire(chunkFor(pid));
    }

    private void retire(Chunk chunk) {
        if (chunk.unretired.decrementAndGet() == 0) {
            synchronized (lock) {
                List<Chunk> rest = new ArrayList<>(directory.all);
                rest.remove(chunk);
                directory = new Directory(rest);
            }
        }
    }

    /** The chunk of {@code pid}, added when it is the first of its chunk to be listed or retired. */
    private Chunk chunkFor(long pid) {
        Chunk chunk = directory.find(pid >>> CHUNK_BITS);
        return chunk != null ? chunk : addChunk(pid >>> CHUNK_BITS);
    }

    private Chunk addChunk(long index) {
        synchronized (lock) {
            Chunk chunk = directory.find(index);
            if (chunk == null) {
                chunk = new Chunk(index);
                List<Chunk> more = new ArrayList<>(directory.all);
                more.add(chunk);
                directory = new Directory(more);
            }
            return chunk;
        }
    }

    /** How many chunks the table holds now. */
    int chunks() {
        return directory.all.size();
    }

    int size() {
        return (int) Math.min(Integer.MAX_VALUE, size.sum());
    }

    boolean isEmpty() {
        return size.sum() == 0;
    }

    /** The processes listed now (one that starts or ends meanwhile may or may not be among them). */
    List<ProcessCell> snapshot() {
        List<ProcessCell> cells = new ArrayList<>();
        for (Chunk chunk : directory.all) {
            for (int i = 0; i < CHUNK; i++) {
                ProcessCell cell = chunk.cells.get(i);
                if (cell != null) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }
}
