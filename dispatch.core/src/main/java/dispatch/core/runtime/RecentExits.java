package dispatch.core.runtime;

import dispatch.api.process.ExitReason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit reasons of the last few ended processes, so that asking how a process ended right
 * after it ended still has an answer.
 */
final class RecentExits {

    private final Map<Long, ExitReason> reasons;

    RecentExits(int capacity) {
        this.reasons = new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ExitReason> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void put(long pid, ExitReason reason) {
        reasons.put(pid, reason);
    }

    synchronized ExitReason get(long pid) {
        return reasons.get(pid);
    }
}
