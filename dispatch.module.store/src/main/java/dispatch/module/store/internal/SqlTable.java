package dispatch.module.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A sql store's table: its name (checked, since it is written into the SQL), created on the
 * first connection that finds it missing, in the dialect of the database. PostgreSQL orders the
 * keys bytewise ({@code COLLATE "C"}) so that listing pages the same way on every database.
 */
final class SqlTable {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,55}");

    private final String name;
    private volatile boolean created;
    private volatile boolean interruptSafe;

    SqlTable(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a store table name must be a plain SQL identifier"
                    + " (letters, digits, _; at most 56), got '" + name + "'");
        }
        this.name = name;
    }

    /**
     * Whether a JDBC call may run on a thread that can be interrupted (a process's own). Not for an
     * embedded H2 file database: an interrupt during its file I/O closes the database's file. False
     * until the first connection told the URL.
     */
    boolean interruptSafe() {
        return interruptSafe;
    }

    void ensure(Connection connection) throws SQLException {
        if (created) {
            return;
        }
        synchronized (this) {
            if (created) {
                return;
            }
            DatabaseMetaData meta = connection.getMetaData();
            boolean postgres = meta.getDatabaseProductName().toLowerCase().contains("postgres");
            String url = String.valueOf(meta.getURL());
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + name + " ("
                        + (postgres ? "skey VARCHAR(512) COLLATE \"C\" PRIMARY KEY, sval BYTEA NOT NULL"
                                : "skey VARCHAR(512) PRIMARY KEY, sval VARBINARY NOT NULL")
                        + ", is_text BOOLEAN NOT NULL, version BIGINT NOT NULL, expires_at BIGINT)");
                statement.execute("CREATE INDEX IF NOT EXISTS " + name + "_expiry ON " + name + " (expires_at)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            interruptSafe = !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                    || url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
            created = true;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
