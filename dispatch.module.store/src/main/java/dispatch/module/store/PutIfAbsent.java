package dispatch.module.store;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Writes an entry only if the key has none (an expired one counts as none), atomically on every
 * backend. Completes with {@link WriteResult}: written and the new entry (version 1), or not
 * written and the entry that is there.
 *
 * @param store the store's name
 * @param key   the key
 * @param value the value, as for {@link Set}
 * @param ttl   the TTL, as for {@link Set}
 */
public record PutIfAbsent(String store, String key, Object value, Duration ttl) implements Command<WriteResult> {

    public static final int ID = 126;

    /** A put of an entry that never expires. */
    public PutIfAbsent(String store, String key, Object value) {
        this(store, key, value, null);
    }

    @Override
    public int id() {
        return ID;
    }
}
