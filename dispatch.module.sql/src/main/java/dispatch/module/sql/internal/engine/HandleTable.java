package dispatch.module.sql.internal.engine;

import dispatch.api.DispatchException;
import dispatch.api.ProcessRef;
import dispatch.api.Subscription;
import dispatch.module.sql.SqlFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open handles, by ID and by owning process. The first handle of a process subscribes to
 * its end, which closes everything the process still holds.
 */
final class HandleTable {

    /** SQLState of a handle used by a process that does not own it. */
    static final String NOT_OWNER_STATE = "42501";

    private final AtomicLong lastId = new AtomicLong();
    private final ConcurrentHashMap<Long, Resource> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Owner> owners = new ConcurrentHashMap<>();

    long nextId() {
        return lastId.incrementAndGet();
    }

    /**
     * Adds a resource owned by {@code process}.
     *
     * @return {@code false} when the process has ended already: the caller closes the resource
     */
    boolean add(Resource resource, ProcessRef process) {
        Owner owner = owners.computeIfAbsent(process.pid(), Owner::new);
        boolean subscribe;
        synchronized (owner) {
            if (owner.ended) {
                return false;
            }
            owner.resources.add(resource);
            open.put(resource.id, resource);
            subscribe = !owner.subscribed;
            owner.subscribed = true;
        }
        if (subscribe) {
            // runs at once when the process has ended meanwhile
            Subscription exit = process.onExit(() -> ended(owner));
            synchronized (owner) {
                owner.exit = exit;
            }
        }
        return true;
    }

    /** Forgets a closed resource. */
    void forget(Resource resource) {
        open.remove(resource.id, resource);
        Owner owner = owners.get(resource.owner);
        if (owner != null) {
            synchronized (owner) {
                owner.resources.remove(resource);
            }
        }
    }

    /**
     * The open resource of {@code kind} with {@code id}, if {@code pid} owns it.
     *
     * @throws SqlFailure {@link SqlFailure#UNKNOWN_HANDLE} when there is none (never issued, or
     *                    closed), {@link DispatchException#NOT_OWNER} when another process owns it
     */
    <R extends Resource> R get(Resource.Kind kind, Class<R> type, long id, long pid) {
        Resource resource = open.get(id);
        if (resource == null || resource.kind() != kind || !resource.isOpen()) {
            String what = kind.label + "#" + id;
            boolean issued = id > 0 && id <= lastId.get();
            throw new SqlFailure(SqlFailure.UNKNOWN_HANDLE, kind.unknownState,
                    issued ? what + " is closed" : "no " + what + ": it was never opened");
        }
        if (resource.owner != pid) {
            throw new SqlFailure(DispatchException.NOT_OWNER, NOT_OWNER_STATE,
                    resource + " belongs to process " + resource.owner + ", not to process " + pid);
        }
        return type.cast(resource);
    }

    /** Every open resource. */
    List<Resource> all() {
        return new ArrayList<>(open.values());
    }

    /** Every open resource, for listings. */
    int size() {
        return open.size();
    }

    private void ended(Owner owner) {
        List<Resource> left;
        synchronized (owner) {
            owner.ended = true;
            left = new ArrayList<>(owner.resources);
            owner.resources.clear();
        }
        owners.remove(owner.pid, owner);
        for (Resource resource : left) {
            resource.close("process " + owner.pid + " ended");
        }
    }

    /** Drops the process-end subscriptions, when the module stops. */
    void clear() {
        for (Owner owner : owners.values()) {
            Subscription exit;
            synchronized (owner) {
                exit = owner.exit;
            }
            if (exit != null) {
                exit.close();
            }
        }
        owners.clear();
    }

    private static final class Owner {
        final long pid;
        final Set<Resource> resources = new HashSet<>();
        boolean ended;
        boolean subscribed;
        Subscription exit;

        Owner(long pid) {
            this.pid = pid;
        }
    }
}
