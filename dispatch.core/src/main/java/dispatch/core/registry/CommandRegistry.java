package dispatch.core.registry;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.IdRange;
import dispatch.api.Readiness;
import dispatch.api.Registrar;
import dispatch.api.Subscription;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The command registry of the seed: 256 array slots for system IDs, a map for custom IDs, and
 * a frozen flag. Lookups read an immutable table through one volatile field, so they never
 * lock and never allocate; every change builds and publishes a new table (changes are rare:
 * modules coming and going), so a hot swap costs the lookups nothing.
 *
 * <p>Freezing closes the registry to modules deployed after the boot. A module whose bundle was
 * deployed before the freeze belongs to the boot even if its dispatcher registers after it
 * (launchers, Karaf features and Pax Exam install every bundle first, then start them one by
 * one, and a module may take its time to activate). System IDs (1-255) are closed to anything
 * else: afterwards only a module that held IDs may take them back after it left. Custom IDs
 * (256+) follow the mode:
 * <ul>
 * <li>production (the default): like system IDs; a custom module deployed after the freeze
 * (its bundle installed or updated since) with IDs nobody held is refused as a whole;</li>
 * <li>development ({@link #allowLateCustomModules(boolean)}): custom modules may come, go and
 * come back in new revisions. The IDs a custom module left are free: a new revision of it
 * takes them back, and so may a different module (the module was renamed or split). A
 * returning module's placeholders for IDs it no longer registers are dropped.</li>
 * </ul>
 * A module that leaves tells the {@link DepartureListener}s, so that the yields in flight to
 * its handlers still get a result.
 */
public final class CommandRegistry {

    private static final Logger LOG = System.getLogger(CommandRegistry.class.getName());
    private static final int SYSTEM_SLOTS = IdRange.FIRST_CUSTOM_ID;

    private record Table(Route[] system, IntRouteMap custom) {
    }

    private volatile Table table = new Table(new Route[SYSTEM_SLOTS], IntRouteMap.EMPTY);
    private volatile boolean frozen;
    // What was deployed at the freeze: the highest bundle ID, and the time (bundle revisions
    // with an older last-modified time existed then). Written once, before frozen.
    private long bootBundleHorizon = -1;
    private long frozenAtMillis;
    private volatile boolean lateCustomModulesAllowed;

    // Write side, guarded by this.
    private final TreeMap<Integer, Route> routes = new TreeMap<>();
    private final Map<Long, Claimant> claimants = new LinkedHashMap<>();
    private final List<DepartureListener> listeners = new CopyOnWriteArrayList<>();

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
     * @throws RegistrationRefused when the claimant names no module, or any ID is invalid, reserved
     *                             for another module, held by another claimant, or closed by the freeze
     */
    public void register(Claimant claimant, Dispatcher dispatcher) throws RegistrationRefused {
        if (claimant.module().isBlank()) {
            throw new RegistrationRefused("the dispatcher " + dispatcher.getClass().getName() + " of bundle "
                    + claimant.bundle() + " names no module: annotate its class with @"
                    + DispatchModule.class.getName() + "(\"<name>\") (or override moduleName())");
        }
        List<Claim> claims = collect(claimant, dispatcher);
        List<Route> takenOver = new ArrayList<>();
        synchronized (this) {
            if (claimants.containsKey(claimant.serviceId())) {
                throw new RegistrationRefused(claimant + " is already registered");
            }
            List<String> problems = new ArrayList<>();
            List<Integer> late = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (Claim claim : claims) {
                if (!seen.add(claim.id())) {
                    problems.add("ID " + claim.id() + " is registered twice by " + claimant);
                } else {
                    check(claimant, claim, problems, late);
                }
            }
            if (!late.isEmpty()) {
                problems.add(claimant + " was deployed after the registry froze and claims custom IDs " + IdList.of(late)
                        + " that no module held then: only development mode (development=true in configuration "
                        + Readiness.BOOT_PID + ") takes new custom modules after the boot");
            }
            if (!problems.isEmpty()) {
                throw new RegistrationRefused(String.join("; ", problems));
            }
            if (frozen && lateCustomModulesAllowed) {
                dropStalePlaceholders(claimant.module(), seen);
            }
            for (Claim claim : claims) {
                Route previous = routes.put(claim.id(), new Route(claim.id(), claim.commandName(), claimant, claim.handler()));
                if (previous != null && !previous.claimant().module().equals(claimant.module())) {
                    takenOver.add(previous);
                }
            }
            claimants.put(claimant.serviceId(), claimant);
            publish();
        }
        for (Route previous : takenOver) {
            LOG.log(Level.INFO, "dispatch: {0} takes over ID {1} ({2}) left by {3}", claimant,
                    String.valueOf(previous.id()), previous.commandName(), previous.claimant());
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

    private void check(Claimant claimant, Claim claim, List<String> problems, List<Integer> late) {
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
        boolean custom = owner == IdRange.CUSTOM;
        Route held = routes.get(id);
        if (held != null) {
            if (held.available()) {
                problems.add("ID " + id + " (" + claim.commandName() + ") is claimed by " + claimant
                        + " but already held by " + held.claimant() + " as " + held.commandName());
            } else if (!held.claimant().module().equals(claimant.module()) && !(custom && lateCustomModulesAllowed)) {
                problems.add("ID " + id + " (" + claim.commandName() + ") is claimed by " + claimant
                        + " but kept for " + held.claimant() + ", which held it at the freeze (as "
                        + held.commandName() + ") and left: only module '" + held.claimant().module()
                        + "' may take it back" + (custom ? " (any module may in development mode)" : ""));
            }
            return;
        }
        if (frozen) {
            if (deployedAtBoot(claimant)) {
                return; // its bundle was there at the freeze and started later: part of the boot
            }
            if (!custom) {
                problems.add("ID " + id + " claimed by " + claimant + " arrived after the registry froze: system IDs ("
                        + IdRange.MIN_ID + "-" + (IdRange.FIRST_CUSTOM_ID - 1) + ") are closed to modules deployed"
                        + " after the boot");
            } else if (!lateCustomModulesAllowed) {
                late.add(id);
            }
        }
    }

    /** Whether the claimant's bundle revision was there at the freeze (not installed or updated since). */
    private boolean deployedAtBoot(Claimant claimant) {
        return claimant.bundleId() >= 0 && claimant.bundleId() <= bootBundleHorizon
                && claimant.lastModified() <= frozenAtMillis;
    }

    /** Development mode: a module's placeholders for custom IDs its new revision no longer registers go. */
    private void dropStalePlaceholders(String module, Set<Integer> claimed) {
        routes.values().removeIf(route -> !route.available() && route.id() >= IdRange.FIRST_CUSTOM_ID
                && route.claimant().module().equals(module) && !claimed.contains(route.id()));
    }

    /**
     * Removes a dispatcher and tells the {@link DepartureListener}s. Before the freeze its IDs are
     * gone; after it, they stay in the table without a handler, so that yields to them fail with
     * "module unavailable" and the module can take them back when it returns.
     *
     * @return the dispatcher's claimant, or {@code null} if it was not registered
     */
    public synchronized Claimant unregister(long serviceId) {
        Claimant claimant = claimants.remove(serviceId);
        if (claimant == null) {
            return null;
        }
        for (DepartureListener listener : listeners) {
            try {
                listener.departed(claimant);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "dispatch: a departure listener failed for " + claimant, e);
            }
        }
        if (frozen) {
            routes.replaceAll((id, route) -> route.claimant().serviceId() == serviceId ? route.unavailable() : route);
        } else {
            routes.values().removeIf(route -> route.claimant().serviceId() == serviceId);
        }
        publish();
        return claimant;
    }

    /** Adds a listener for dispatchers that leave; closing the subscription removes it. */
    public Subscription onDeparture(DepartureListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
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

    /** Closes the system IDs, with nothing deployed before the freeze counted as part of the boot. Idempotent. */
    public void freeze() {
        freeze(-1, 0);
    }

    /**
     * Closes the system IDs, remembering what was deployed at that moment: a custom module of a
     * bundle with an ID up to {@code lastBundleId} whose last-modified time is not after
     * {@code atMillis} belongs to the boot, so production mode takes it even when its dispatcher
     * registers after the freeze. Idempotent: the first freeze counts.
     */
    public synchronized void freeze(long lastBundleId, long atMillis) {
        if (frozen) {
            return;
        }
        bootBundleHorizon = lastBundleId;
        frozenAtMillis = atMillis;
        frozen = true;
    }

    public boolean isFrozen() {
        return frozen;
    }

    /** Development mode: custom modules may come, go and change after the freeze. */
    public void allowLateCustomModules(boolean allowed) {
        lateCustomModulesAllowed = allowed;
    }

    /** Whether development mode is on. */
    public boolean lateCustomModulesAllowed() {
        return lateCustomModulesAllowed;
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
