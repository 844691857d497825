package dispatch.module.store.internal;

import dispatch.api.DispatchException;
import dispatch.module.store.ListEntries;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import java.time.Duration;

/** The module's checks of a command's input, before anything is read or written. */
final class Checks {

    /** The expiry of an entry that never expires. */
    static final long NEVER = Long.MAX_VALUE;

    private Checks() {
    }

    static String key(String key) {
        if (key == null || key.isEmpty()) {
            throw invalid("the key is missing (" + (key == null ? "null" : "empty") + ")");
        }
        if (key.length() > Set.MAX_KEY_LENGTH) {
            throw invalid("the key has " + key.length() + " characters, more than " + Set.MAX_KEY_LENGTH);
        }
        return key;
    }

    /** A value of a store whose values may have up to {@code maxBytes} bytes. */
    static Value value(Object value, int maxBytes, String store) {
        int size;
        Object kept;
        if (value instanceof String text) {
            size = Value.utf8Length(text);
            kept = text;
        } else if (value instanceof byte[] bytes) {
            size = bytes.length;
            kept = bytes.clone();
        } else {
            throw invalid("a value must be a String or a byte[], got "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        if (size > maxBytes) {
            throw new StoreFailure(StoreFailure.TOO_LARGE, "the value has " + size + " bytes, store '" + store
                    + "' takes at most " + maxBytes + " (max.value.bytes)");
        }
        return new Value(kept, size);
    }

    /** The wall-clock millisecond at which an entry written at {@code now} with {@code ttl} expires. */
    static long expiresAt(Duration ttl, long now) {
        if (ttl == null) {
            return NEVER;
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw invalid("a TTL must be positive, got " + ttl);
        }
        if (ttl.compareTo(Set.MAX_TTL) > 0) {
            throw invalid("a TTL must not exceed " + Set.MAX_TTL.toDays() + " days, got " + ttl);
        }
        return now + Math.max(1, ttl.toMillis());
    }

    static String prefix(String prefix) {
        if (prefix == null) {
            throw invalid("the prefix is missing (null): give \"\" for all keys");
        }
        return prefix;
    }

    static int limit(int limit) {
        if (limit < 1 || limit > ListEntries.MAX_LIMIT) {
            throw invalid("a page size must be 1 to " + ListEntries.MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /** The failure of a compare-and-set on a key without a live entry. */
    static StoreFailure nothingToCompare(String store, String key) {
        return new StoreFailure(StoreFailure.NOT_FOUND, "store '" + store + "' has no entry '" + key
                + "' to compare and set: use PutIfAbsent to create it");
    }

    static DispatchException invalid(String message) {
        return new StoreFailure(DispatchException.INVALID_ARGUMENT, message);
    }
}
