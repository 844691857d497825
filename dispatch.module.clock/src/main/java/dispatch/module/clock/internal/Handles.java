package dispatch.module.clock.internal;

import dispatch.api.DispatchException;
import dispatch.api.ProcessRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The live tickers and timers by ID. IDs come from one counter, so no ticker shares an ID with a timer. */
final class Handles {

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<Long, ClockHandle> live = new ConcurrentHashMap<>();

    long nextId() {
        return lastId.incrementAndGet();
    }

    void add(ClockHandle handle) {
        live.put(handle.id(), handle);
    }

    void remove(ClockHandle handle) {
        live.remove(handle.id(), handle);
    }

    /**
     * The live handle with {@code id}, of the expected type, owned by {@code caller}.
     *
     * @throws DispatchException {@code invalid-argument} when the ID was never issued, is no
     *                           longer active or names the other kind; {@code not-owner} when it
     *                           belongs to another process
     */
    <H extends ClockHandle> H lookup(long id, Class<H> type, String kind, ProcessRef caller) {
        ClockHandle handle = live.get(id);
        if (handle == null) {
            if (id <= 0 || id > lastId.get()) {
                throw ClockErrors.invalid("no " + kind + " with ID " + id + " was ever started");
            }
            throw ClockErrors.invalid(kind + " " + id + " is not active: it was stopped already, or its process ended");
        }
        if (!type.isInstance(handle)) {
            throw ClockErrors.invalid(id + " is the ID of a " + handle.typeName() + ", not of a " + kind);
        }
        if (handle.owner().pid() != caller.pid()) {
            throw new DispatchException(DispatchException.NOT_OWNER,
                    kind + " " + id + " belongs to process " + handle.owner().pid() + ", not to " + caller.pid());
        }
        return type.cast(handle);
    }

    List<ClockHandle> snapshot() {
        return new ArrayList<>(live.values());
    }
}
