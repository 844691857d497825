package dispatch.core.runtime;

import dispatch.api.process.ExitReason;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The exit reasons of the last few ended processes, so that asking how a process ended right
 * after it ended still has an answer. A ring without a lock: every ending process writes one
 * entry, while asking is rare (and scans the ring).
 */
final class RecentExits {

    private record Exit(long pid, ExitReason reason) {
    }

    private final AtomicReferenceArray<Exit> ring;
    private final AtomicLong written = new AtomicLong();

    RecentExits(int capacity) {
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    void put(long pid, ExitReason reason) {
        int capacity = ring.length();
        if (capacity > 0) {
            ring.set((int) Math.floorMod(written.getAndIncrement(), (long) capacity), new Exit(pid, reason));
        }
    }

    ExitReason get(long pid) {
        for (int i = 0; i < ring.length(); i++) {
            Exit exit = ring.get(i);
            if (exit != null && exit.pid == pid) {
                return exit.reason; // PIDs are never reused, so there is at most one
            }
        }
        return null;
    }
}
