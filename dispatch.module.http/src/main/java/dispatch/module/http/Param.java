package dispatch.module.http;

import java.util.Objects;

/**
 * A name/value pair: a query parameter or a form field. Order and repetition are kept.
 *
 * @param name  the name, not encoded
 * @param value the value, not encoded
 */
public record Param(String name, String value) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    public static Param of(String name, String value) {
        return new Param(name, value);
    }
}
