package dispatch.module.store.internal;

import dispatch.module.store.Entry;
import dispatch.module.store.EntryPage;
import dispatch.module.store.StoreFailure;
import dispatch.module.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A store in memory, bounded in entries and bytes. Every write is one
 * {@link ConcurrentHashMap#compute}, whose function runs once and atomically for its key: the
 * version check of a compare-and-set, the bounds and the accounting happen inside it, and a
 * refused write throws out of it and leaves the entry as it was. A sorted set of the keys serves
 * listing by prefix. Expired entries are absent to every read at once, and are removed when a
 * read meets them or the sweep passes (no thread or timer per entry).
 */
final class MemoryStore implements Backend {

    /** What the map holds per key; {@code size} counts the key's and the value's bytes. */
    private record Stored(Object value, int size, long version, long expiresAt) {

        boolean liveAt(long now) {
            return expiresAt > now;
        }
    }

    private final String name;
    private final StoreLimits limits;
    private final ConcurrentHashMap<String, Stored> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<String> keys = new ConcurrentSkipListSet<>();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    MemoryStore(String name, StoreLimits limits) {
        this.name = name;
        this.limits = limits;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxValueBytes() {
        return limits.maxValueBytes();
    }

    @Override
    public boolean blocking() {
        return false;
    }

    @Override
    public boolean callerMayRun() {
        return true;
    }

    /** The entries held now, expired ones not swept yet included. */
    long entryCount() {
        return count.get();
    }

    /** The bytes held now. */
    long byteCount() {
        return bytes.get();
    }

    @Override
    public Entry get(String key, long now) {
        Stored stored = live(key, now);
        return stored == null ? null : Backend.entry(key, stored.value(), stored.version(), stored.expiresAt());
    }

    @Override
    public boolean has(String key, long now) {
        return live(key, now) != null;
    }

    /** The key's entry if it has not expired; an expired one is removed on the way. */
    private Stored live(String key, long now) {
        Stored stored = entries.get(key);
        if (stored == null || stored.liveAt(now)) {
            return stored;
        }
        removeIfExpired(key, now);
        return null;
    }

    @Override
    public Entry set(String key, Value value, long expiresAt, long now) {
        Stored written = entries.compute(key, (k, old) -> replace(k, old, value, expiresAt,
                old != null && old.liveAt(now) ? old.version() + 1 : 1));
        return Backend.entry(key, written.value(), written.version(), written.expiresAt());
    }

    @Override
    public WriteResult compareAndSet(String key, long expectedVersion, Value value, long expiresAt, long now) {
        WriteResult[] result = new WriteResult[1];
        entries.compute(key, (k, old) -> {
            if (old == null || !old.liveAt(now)) {
                throw Checks.nothingToCompare(name, k);
            }
            if (old.version() != expectedVersion) {
                result[0] = new WriteResult(false, Backend.entry(k, old.value(), old.version(), old.expiresAt()));
                return old;
            }
            Stored next = replace(k, old, value, expiresAt, old.version() + 1);
            result[0] = new WriteResult(true, Backend.entry(k, next.value(), next.version(), next.expiresAt()));
            return next;
        });
        return result[0];
    }

    @Override
    public WriteResult putIfAbsent(String key, Value value, long expiresAt, long now) {
        WriteResult[] result = new WriteResult[1];
        entries.compute(key, (k, old) -> {
            if (old != null && old.liveAt(now)) {
                result[0] = new WriteResult(false, Backend.entry(k, old.value(), old.version(), old.expiresAt()));
                return old;
            }
            Stored next = replace(k, old, value, expiresAt, 1);
            result[0] = new WriteResult(true, Backend.entry(k, next.value(), next.version(), next.expiresAt()));
            return next;
        });
        return result[0];
    }

    /**
     * The entry that replaces {@code old} (or none), inside the key's compute: reserves the growth
     * against the bounds first and throws {@code store-full} (the map unchanged) when it does not fit.
     */
    private Stored replace(String key, Stored old, Value value, long expiresAt, long version) {
        int size = Value.utf8Length(key) + value.size();
        long addedEntries = old == null ? 1 : 0;
        long addedBytes = size - (old == null ? 0 : old.size());
        if (addedEntries > 0 && count.addAndGet(addedEntries) > limits.maxEntries()) {
            count.addAndGet(-addedEntries);
            throw full("entries", limits.maxEntries(), "max.entries");
        }
        if (bytes.addAndGet(addedBytes) > limits.maxBytes() && addedBytes > 0) {
            bytes.addAndGet(-addedBytes);
            count.addAndGet(-addedEntries);
            throw full("bytes", limits.maxBytes(), "max.bytes");
        }
        if (old == null) {
            keys.add(key);
        }
        return new Stored(value.value(), size, version, expiresAt);
    }

    private StoreFailure full(String what, long max, String property) {
        return new StoreFailure(StoreFailure.STORE_FULL, "store '" + name + "' holds its maximum of " + max + " "
                + what + " (" + property + "); nothing was evicted");
    }

    @Override
    public boolean delete(String key, long now) {
        boolean[] existed = new boolean[1];
        entries.computeIfPresent(key, (k, old) -> {
            existed[0] = old.liveAt(now);
            released(k, old);
            return null;
        });
        return existed[0];
    }

    /** Accounts for {@code old} leaving the map, inside its key's compute. */
    private void released(String key, Stored old) {
        count.decrementAndGet();
        bytes.addAndGet(-old.size());
        keys.remove(key);
    }

    private void removeIfExpired(String key, long now) {
        entries.computeIfPresent(key, (k, old) -> {
            if (old.liveAt(now)) {
                return old;
            }
            released(k, old);
            return null;
        });
    }

    @Override
    public EntryPage list(String prefix, String after, int limit, long now) {
        String from = after != null && after.compareTo(prefix) >= 0 ? after : prefix;
        boolean inclusive = !from.equals(after);
        List<Entry> page = new ArrayList<>(Math.min(limit, 64));
        for (String key : keys.tailSet(from, inclusive)) {
            if (!key.startsWith(prefix)) {
                break;
            }
            Entry entry = get(key, now);
            if (entry == null) {
                continue; // deleted or expired since the key was seen
            }
            if (page.size() == limit) {
                return new EntryPage(page, page.get(limit - 1).key());
            }
            page.add(entry);
        }
        return new EntryPage(page, null);
    }

    @Override
    public void sweep(long now) {
        for (var entry : entries.entrySet()) {
            if (!entry.getValue().liveAt(now)) {
                removeIfExpired(entry.getKey(), now);
            }
        }
    }

    @Override
    public void close() {
        entries.clear();
        keys.clear();
        count.set(0);
        bytes.set(0);
    }
}
