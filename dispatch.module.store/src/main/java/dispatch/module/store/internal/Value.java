package dispatch.module.store.internal;

import java.nio.charset.StandardCharsets;

/**
 * A value checked on its way in: a {@code String}, or a {@code byte[]} the caller can no longer
 * change (copied), with its size in bytes (a string's UTF-8 length).
 */
record Value(Object value, int size) {

    boolean isText() {
        return value instanceof String;
    }

    /** The bytes to store: the array itself, or the string's UTF-8 encoding. */
    byte[] bytes() {
        return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) value;
    }

    /** The value as read back from bytes. */
    static Object read(byte[] bytes, boolean text) {
        return text ? new String(bytes, StandardCharsets.UTF_8) : bytes;
    }

    /** A string's length in UTF-8, without encoding it. */
    static int utf8Length(CharSequence text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }
}
