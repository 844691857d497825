package dispatch.module.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * An entry of a store as a command reads it.
 *
 * @param key       its key
 * @param value     a {@code String} or a {@code byte[]}, as it was written; a {@code byte[]} is a copy
 * @param version   1 when the key was written first (or again after a delete or expiry), one more on
 *                  every write since: what {@link CompareAndSet} compares
 * @param expiresAt when it expires (wall clock), or {@code null} for never
 */
public record Entry(String key, Object value, long version, Instant expiresAt) {

    /** The value as a string: itself, or bytes read as UTF-8. */
    public String string() {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
    }

    /** The value as bytes: a copy, or a string's UTF-8 encoding. */
    public byte[] bytes() {
        return value instanceof byte[] bytes ? bytes.clone() : ((String) value).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object value() {
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }
}
