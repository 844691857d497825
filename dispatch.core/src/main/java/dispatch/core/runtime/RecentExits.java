package dispatch.core.runtime;

import dispatch.api.process.ExitReason;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The exit reasons of recently ended processes, so that asking how a process ended right after
 * it ended still has an answer. A ring without a lock and without a shared counter: a process's
 * entry goes to the slot its PID names (PIDs are handed out in order, so the processes that end
 * close together mostly have different slots), and stays until a process whose PID has the same
 * remainder ends. Ending processes on different workers then never wait for one another, and
 * asking reads one slot.
 */
final class RecentExits {

    private record Exit(long pid, ExitReason reason) {
    }

    private final AtomicReferenceArray<Exit> ring;

    RecentExits(int capacity) {
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    void put(long pid, ExitReason reason) {
        int capacity = ring.length();
        if (capacity > 0) {
            ring.setRelease((int) Math.floorMod(pid, (long) capacity), new Exit(pid, reason));
        }
    }

    ExitReason get(long pid) {
        int capacity = ring.length();
        if (capacity == 0) {
            return null;
        }
        Exit exit = ring.get((int) Math.floorMod(pid, (long) capacity));
        return exit != null && exit.pid == pid ? exit.reason : null;
    }
}
