package dispatch.core.registry;

import dispatch.api.Dispatcher;
import dispatch.api.IdRange;
import dispatch.api.Registrar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The command registry of the seed: 256 array slots for system IDs, a map for custom IDs, and
 * a frozen flag. Lookups read an immutable table through one volatile field, so they never
 * lock and never allocate; every change builds and publishes a new table (changes are rare:
 * modules coming and going). Freezing closes the system IDs: afterwards only a module that
 * held IDs at the freeze may take them back after it left, and late custom modules are
 * refused unless development mode allows them.
 */
public final class CommandRegistry {

    private static final int SYSTEM_SLOTS = IdRange.FIRST_CUSTOM_ID;

    private record Table(Route[] system, IntRouteMap custom) {
    }

    private volatile Table table = new Table(new Route[SYSTEM_SLOTS], IntRouteMap.EMPTY);
    private volatile boolean frozen;
    private volatile boolean lateCustomModulesAllowed;

    // Write side, guarded by this.
    private final TreeMap<Integer, Route> routes = new TreeMap<>();
    private final Map<Long, Claimant> claimants = new LinkedHashMap<>();

    /** The route of {@code id}, or {@code null} when no module ever registered it. Lock-free. */
    public Route lookup(int id) {
        Table current = table;
        if ((id & ~(SYSTEM_SLOTS - 1)) == 0) {
            return current.system[id];
        }
        return current.custom.get(id);
    }

    /**
     * Registers all handlers of a dispatcher, all or nothing.
     *
     * @throws RegistrationRefused when any ID is invalid, reserved for another module, held by
     *                             another claimant, or closed by the freeze
     */
    public void register(Claimant claimant, Dispatcher dispatcher) throws RegistrationRefused {
        List<Claim> claims = collect(claimant, dispatcher);
        synchronized (this) {
            if (claimants.containsKey(claimant.serviceId())) {
                throw new RegistrationRefused(claimant + " is already registered");
            }
            List<String> problems = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (Claim claim : claims) {
                if (!seen.add(claim.id())) {
                    problems.add("ID " + claim.id() + " is registered twice by " + claimant);
                } else {
                    check(claimant, claim, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new RegistrationRefused(String.join("; ", problems));
            }
            for (Claim claim : claims) {
                routes.put(claim.id(), new Route(claim.id(), claim.commandName(), claimant, claim.handler()));
            }
            claimants.put(claimant.serviceId(), claimant);
            publish();
        }
    }

    private static List<Claim> collect(Claimant claimant, Dispatcher dispatcher) throws RegistrationRefused {
        List<Claim> claims = new ArrayList<>();
        Registrar collector = (id, name, handler) -> claims.add(new Claim(id, name, handler));
        try {
            dispatcher.registerAll(collector);
        } catch (RuntimeException e) {
            throw new RegistrationRefused(claimant + " failed in registerAll: " + e);
        }
        for (Claim claim : claims) {
            if (claim.handler() == null || claim.commandName() == null) {
                throw new RegistrationRefused(claimant + " registered ID " + claim.id() + " without a handler or name");
            }
        }
        return claims;
    }

    private void check(Claimant claimant, Claim claim, List<String> problems) {
        int id = claim.id();
        Optional<IdRange> range = IdRange.of(id);
        if (!IdRange.isValid(id)) {
            problems.add("ID " + id + " claimed by " + claimant + " is not a valid command ID ("
                    + IdRange.MIN_ID + "-" + IdRange.MAX_ID + ")");
            return;
        }
        if (range.isEmpty()) {
            problems.add("ID " + id + " claimed by " + claimant + " lies in no assigned range");
            return;
        }
        IdRange owner = range.get();
        if (owner != IdRange.CUSTOM && !owner.module().equals(claimant.module())) {
            problems.add("ID " + id + " claimed by " + claimant + " is in the range " + owner.first() + "-"
                    + owner.last() + " reserved for module '" + owner.module() + "'");
            return;
        }
        Route held = routes.get(id);
        if (held != null && (held.available() || !held.claimant().module().equals(claimant.module()))) {
            problems.add("ID " + id + " (" + claim.commandName() + ") is claimed by " + claimant
                    + " but already held by " + held.claimant() + " as " + held.commandName());
            return;
        }
        if (frozen && held == null && (owner != IdRange.CUSTOM || !lateCustomModulesAllowed)) {
            problems.add("ID " + id + " claimed by " + claimant + " arrived after the registry froze"
                    + (owner == IdRange.CUSTOM ? " (late custom modules need development mode)" : ""));
        }
    }

    /**
     * Removes a dispatcher. Before the freeze its IDs are gone; after it, they stay in the
     * table without a handler, so that yields to them fail with "module unavailable" and the
     * module can take them back when it returns.
     */
    public synchronized void unregister(long serviceId) {
        if (claimants.remove(serviceId) == null) {
            return;
        }
        if (frozen) {
            routes.replaceAll((id, route) -> route.claimant().serviceId() == serviceId ? route.unavailable() : route);
        } else {
            routes.values().removeIf(route -> route.claimant().serviceId() == serviceId);
        }
        publish();
    }

    private void publish() {
        Route[] system = new Route[SYSTEM_SLOTS];
        List<Route> custom = new ArrayList<>();
        for (Route route : routes.values()) {
            if (route.id() < SYSTEM_SLOTS) {
                system[route.id()] = route;
            } else {
                custom.add(route);
            }
        }
        table = new Table(system, IntRouteMap.of(custom, custom.size()));
    }

    /** Closes the system IDs. Idempotent. */
    public void freeze() {
        frozen = true;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** Development mode: custom modules may come, go and change after the freeze. */
    public void allowLateCustomModules(boolean allowed) {
        lateCustomModulesAllowed = allowed;
    }

    /** All routes, ordered by ID. */
    public synchronized List<Route> routes() {
        return List.copyOf(routes.values());
    }

    /** The dispatchers registered now. */
    public synchronized Collection<Claimant> claimants() {
        return List.copyOf(claimants.values());
    }

    /** Whether a dispatcher of {@code module} is registered now. */
    public synchronized boolean hasModule(String module) {
        return claimants.values().stream().anyMatch(claimant -> claimant.module().equals(module));
    }
}
