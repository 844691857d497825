package dispatch.module.sql;

import java.util.Objects;

/**
 * The result of an insert, update, delete or DDL statement.
 *
 * @param rowsAffected the update count the driver reported (0 for DDL)
 * @param keys         the generated keys when the command asked for them (see {@link Keys}),
 *                     otherwise an empty result without columns
 */
public record ExecuteResult(long rowsAffected, Rows keys) {

    public ExecuteResult {
        Objects.requireNonNull(keys, "keys");
    }
}
