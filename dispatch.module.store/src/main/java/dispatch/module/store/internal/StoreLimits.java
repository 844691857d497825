package dispatch.module.store.internal;

/**
 * A store's bounds: a memory store holds at most {@code maxEntries} entries and {@code maxBytes}
 * bytes of keys and values; every store takes values of up to {@code maxValueBytes}.
 */
record StoreLimits(long maxEntries, long maxBytes, int maxValueBytes) {

    static final StoreLimits DEFAULTS = new StoreLimits(100_000, 64L << 20, 1 << 20);
}
