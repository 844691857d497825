package dispatch.module.store;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Writes an entry whatever the key holds, and completes with the entry written (its version one
 * more than the one it replaced, or 1).
 *
 * @param store the store's name
 * @param key   the key: 1 to {@link #MAX_KEY_LENGTH} characters
 * @param value a {@code String} or a {@code byte[]} (copied when the command is handled), at most
 *              the store's {@code max.value.bytes} (a string counts its UTF-8 bytes)
 * @param ttl   how long the entry lives, up to {@link #MAX_TTL}, or {@code null} for ever
 */
public record Set(String store, String key, Object value, Duration ttl) implements Command<Entry> {

    public static final int ID = 121;

    /** The longest key, in characters. */
    public static final int MAX_KEY_LENGTH = 512;

    /** The longest TTL any command accepts: 365 days. */
    public static final Duration MAX_TTL = Duration.ofDays(365);

    /** A write of an entry that never expires. */
    public Set(String store, String key, Object value) {
        this(store, key, value, null);
    }

    @Override
    public int id() {
        return ID;
    }
}
