package dispatch.module.sql;

import java.sql.Connection;

/** The isolation level of a transaction; {@link #DEFAULT} keeps the datasource's own. */
public enum Isolation {
    DEFAULT(-1),
    READ_UNCOMMITTED(Connection.TRANSACTION_READ_UNCOMMITTED),
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    Isolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** The {@code Connection.TRANSACTION_*} constant, -1 for {@link #DEFAULT}. */
    public int jdbcLevel() {
        return jdbcLevel;
    }

    /** The level of a {@code Connection.TRANSACTION_*} constant. */
    public static Isolation ofJdbcLevel(int level) {
        for (Isolation isolation : values()) {
            if (isolation.jdbcLevel == level) {
                return isolation;
            }
        }
        throw new IllegalArgumentException("no isolation level " + level);
    }
}
