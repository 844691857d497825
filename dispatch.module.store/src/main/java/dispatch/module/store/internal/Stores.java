package dispatch.module.store.internal;

import dispatch.module.store.StoreFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The stores by name: the configured ones, and the built-in memory store {@value #DEFAULT} for
 * when none is configured by that name. Of two configurations of one name the first wins (the
 * other waits in line and takes over when the first goes). Lookups read an immutable snapshot.
 */
final class Stores {

    /** The store that exists without configuration. */
    static final String DEFAULT = "default";

    private final Backend builtIn;
    private final Map<Object, Backend> configured = new LinkedHashMap<>(); // guarded by this, in arrival order
    private volatile Map<String, Backend> byName = Map.of();

    Stores(Backend builtIn) {
        this.builtIn = builtIn;
    }

    /** The store named {@code name}; {@code unknown-store} when there is none. */
    Backend get(String name) {
        if (name == null) {
            throw Checks.invalid("the store name is missing (null)");
        }
        Backend store = byName.get(name);
        if (store != null) {
            return store;
        }
        if (DEFAULT.equals(name)) {
            return builtIn;
        }
        TreeSet<String> known = new TreeSet<>(byName.keySet());
        known.add(DEFAULT);
        throw new StoreFailure(StoreFailure.UNKNOWN_STORE, "no store '" + name + "' (stores: " + known + ")");
    }

    synchronized void add(Object definition, Backend store) {
        configured.put(definition, store);
        refresh();
    }

    /** Removes a definition's store; returns it, or {@code null} when it had none. */
    synchronized Backend remove(Object definition) {
        Backend store = configured.remove(definition);
        refresh();
        return store;
    }

    private void refresh() {
        Map<String, Backend> next = new LinkedHashMap<>();
        configured.values().forEach(store -> next.putIfAbsent(store.name(), store));
        byName = Map.copyOf(next);
    }

    /** Every store, also those waiting behind another of their name: what the sweep passes. */
    synchronized List<Backend> all() {
        List<Backend> all = new ArrayList<>(configured.values());
        all.add(builtIn);
        return all;
    }

    /** The stores commands reach, by name. */
    Map<String, Backend> serving() {
        Map<String, Backend> serving = new LinkedHashMap<>(byName);
        serving.putIfAbsent(DEFAULT, builtIn);
        return serving;
    }
}
