package dispatch.module.store;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Writes {@code value} only if the key's entry has version {@code expectedVersion}, atomically on
 * every backend. Completes with {@link WriteResult}: written and the new entry, or not written
 * and the entry that is there now (to retry from). A key without an entry (or with an expired one)
 * fails with {@link StoreFailure#NOT_FOUND}: use {@link PutIfAbsent} to create one.
 *
 * @param store           the store's name
 * @param key             the key
 * @param expectedVersion the version the entry must have
 * @param value           the new value, as for {@link Set}
 * @param ttl             the new entry's TTL, as for {@link Set}
 */
public record CompareAndSet(String store, String key, long expectedVersion, Object value, Duration ttl)
        implements Command<WriteResult> {

    public static final int ID = 125;

    /** A compare-and-set of an entry that never expires. */
    public CompareAndSet(String store, String key, long expectedVersion, Object value) {
        this(store, key, expectedVersion, value, null);
    }

    @Override
    public int id() {
        return ID;
    }
}
