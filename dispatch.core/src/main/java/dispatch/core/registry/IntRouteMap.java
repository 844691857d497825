package dispatch.core.registry;

/**
 * An immutable open-addressing map from int to {@link Route}, so that looking up a custom ID
 * neither boxes the key nor allocates anything else.
 */
final class IntRouteMap {

    static final IntRouteMap EMPTY = new IntRouteMap(new int[1], new Route[1]);

    private final int[] keys; // 0 marks a free slot: 0 is never a valid command ID
    private final Route[] values;
    private final int mask;

    private IntRouteMap(int[] keys, Route[] values) {
        this.keys = keys;
        this.values = values;
        this.mask = keys.length - 1;
    }

    Route get(int key) {
        int slot = mix(key) & mask;
        while (true) {
            int candidate = keys[slot];
            if (candidate == key) {
                return values[slot];
            }
            if (candidate == 0) {
                return null;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Builds a map of the given routes; the table is kept at most half full. */
    static IntRouteMap of(Iterable<Route> routes, int count) {
        if (count == 0) {
            return EMPTY;
        }
        int capacity = Integer.highestOneBit(Math.max(2, count) * 4 - 1);
        int[] keys = new int[capacity];
        Route[] values = new Route[capacity];
        int mask = capacity - 1;
        for (Route route : routes) {
            int slot = mix(route.id()) & mask;
            while (keys[slot] != 0 && keys[slot] != route.id()) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = route.id();
            values[slot] = route;
        }
        return new IntRouteMap(keys, values);
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
