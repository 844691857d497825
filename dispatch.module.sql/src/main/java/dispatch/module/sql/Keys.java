package dispatch.module.sql;

import java.util.List;

/**
 * Which generated keys an insert returns in {@link ExecuteResult#keys()}.
 *
 * @param wanted  whether keys are returned at all
 * @param columns the key columns to return; empty for the driver's choice (H2: the identity
 *                columns; PostgreSQL: every column of the inserted rows)
 */
public record Keys(boolean wanted, List<String> columns) {

    /** No keys: the default. */
    public static final Keys NONE = new Keys(false, List.of());
    /** The driver's generated keys. */
    public static final Keys GENERATED = new Keys(true, List.of());

    public Keys {
        columns = List.copyOf(columns);
        if (!wanted && !columns.isEmpty()) {
            throw new IllegalArgumentException("key columns given but keys not wanted");
        }
    }

    /** The named key columns, e.g. {@code Keys.columns("id")}. */
    public static Keys columns(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("name at least one key column, or use Keys.GENERATED");
        }
        return new Keys(true, List.of(columns));
    }
}
