package dispatch.module.store.internal;

import dispatch.module.store.Entry;
import dispatch.module.store.EntryPage;
import dispatch.module.store.StoreFailure;
import dispatch.module.store.WriteResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A store in a table of a datasource, created if missing. A compare-and-set is one conditional
 * {@code UPDATE} (version and expiry in its {@code WHERE}), a put-if-absent one {@code INSERT} that
 * the primary key refuses when the key is taken, a set one transaction: each is atomic on its own,
 * so nothing is ever half-written. The datasource is looked up for every operation: one that is
 * missing or does not answer fails the command with {@code store-unavailable}.
 */
final class SqlStore implements Backend {

    private static final String LIVE = "(expires_at IS NULL OR expires_at > ?)";
    private static final int WRITE_ATTEMPTS = 3;

    private final String name;
    private final String dataSourceName;
    private final Supplier<DataSource> dataSource;
    private final int maxValueBytes;
    private final SqlTable table;

    /**
     * @param dataSource the datasource now, {@code null} while there is none
     */
    SqlStore(String name, String dataSourceName, Supplier<DataSource> dataSource, String table, int maxValueBytes) {
        this.name = name;
        this.dataSourceName = dataSourceName;
        this.dataSource = dataSource;
        this.maxValueBytes = maxValueBytes;
        this.table = new SqlTable(table);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxValueBytes() {
        return maxValueBytes;
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Override
    public boolean callerMayRun() {
        return table.interruptSafe();
    }

    /** One unit of JDBC work on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        DataSource source = dataSource.get();
        if (source == null) {
            throw new StoreFailure(StoreFailure.UNAVAILABLE, "store '" + name + "': datasource '" + dataSourceName
                    + "' is not there (no javax.sql.DataSource service with name=" + dataSourceName + ")");
        }
        Connection connection;
        try {
            connection = source.getConnection();
        } catch (SQLException e) {
            throw new StoreFailure(StoreFailure.UNAVAILABLE, "store '" + name + "': datasource '" + dataSourceName
                    + "' gives no connection: " + e.getMessage(), e);
        }
        try (connection) {
            table.ensure(connection);
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private StoreFailure failure(SQLException e) {
        String state = e.getSQLState();
        boolean connection = state != null && (state.startsWith("08") || state.startsWith("57P"));
        return new StoreFailure(connection ? StoreFailure.UNAVAILABLE : StoreFailure.STORE_ERROR, "store '" + name
                + "' on datasource '" + dataSourceName + "': " + e.getMessage() + " (SQLState " + state + ")", e);
    }

    @Override
    public Entry get(String key, long now) {
        return withConnection(connection -> read(connection, key, now));
    }

    private Entry read(Connection connection, String key, long now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT skey, sval, is_text, version, expires_at FROM " + table + " WHERE skey = ? AND " + LIVE)) {
            select.setString(1, key);
            select.setLong(2, now);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? entry(rows) : null;
            }
        }
    }

    private static Entry entry(ResultSet rows) throws SQLException {
        long expiresAt = rows.getLong(5);
        if (rows.wasNull()) {
            expiresAt = Checks.NEVER;
        }
        return Backend.entry(rows.getString(1), Value.read(rows.getBytes(2), rows.getBoolean(3)), rows.getLong(4),
                expiresAt);
    }

    @Override
    public boolean has(String key, long now) {
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM " + table + " WHERE skey = ? AND " + LIVE)) {
                select.setString(1, key);
                select.setLong(2, now);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public Entry set(String key, Value value, long expiresAt, long now) {
        return withConnection(connection -> {
            connection.setAutoCommit(false);
            try {
                for (int attempt = 1; ; attempt++) {
                    try {
                        long version = update(connection, key, value, expiresAt, now);
                        if (version == 0) {
                            insert(connection, key, value, expiresAt);
                            version = 1;
                        }
                        connection.commit();
                        return Backend.entry(key, value.value(), version, expiresAt);
                    } catch (SQLException e) {
                        connection.rollback();
                        if (!isDuplicateKey(e) || attempt == WRITE_ATTEMPTS) {
                            throw e;
                        }
                        // another writer inserted the key between our UPDATE and INSERT: update it now
                    }
                }
            } finally {
                connection.setAutoCommit(true);
            }
        });
    }

    /** Overwrites the key's row in the transaction; returns its new version, 0 when there is none. */
    private long update(Connection connection, String key, Value value, long expiresAt, long now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET sval = ?, is_text = ?, expires_at = ?,"
                + " version = CASE WHEN expires_at IS NOT NULL AND expires_at <= ? THEN 1 ELSE version + 1 END"
                + " WHERE skey = ?")) {
            bindValue(update, 1, value, expiresAt);
            update.setLong(4, now);
            update.setString(5, key);
            if (update.executeUpdate() == 0) {
                return 0;
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM " + table + " WHERE skey = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                rows.next(); // the row is ours (locked) until the transaction ends
                return rows.getLong(1);
            }
        }
    }

    private void insert(Connection connection, String key, Value value, long expiresAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (sval, is_text, expires_at, skey, version) VALUES (?, ?, ?, ?, 1)")) {
            bindValue(insert, 1, value, expiresAt);
            insert.setString(4, key);
            insert.executeUpdate();
        }
    }

    private static void bindValue(PreparedStatement statement, int first, Value value, long expiresAt)
            throws SQLException {
        statement.setBytes(first, value.bytes());
        statement.setBoolean(first + 1, value.isText());
        if (expiresAt == Checks.NEVER) {
            statement.setNull(first + 2, Types.BIGINT);
        } else {
            statement.setLong(first + 2, expiresAt);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    @Override
    public WriteResult compareAndSet(String key, long expectedVersion, Value value, long expiresAt, long now) {
        return withConnection(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET sval = ?, is_text = ?, expires_at = ?, version = version + 1"
                    + " WHERE skey = ? AND version = ? AND " + LIVE)) {
                bindValue(update, 1, value, expiresAt);
                update.setString(4, key);
                update.setLong(5, expectedVersion);
                update.setLong(6, now);
                if (update.executeUpdate() == 1) {
                    return new WriteResult(true, Backend.entry(key, value.value(), expectedVersion + 1, expiresAt));
                }
            }
            Entry current = read(connection, key, now);
            if (current == null) {
                throw Checks.nothingToCompare(name, key);
            }
            return new WriteResult(false, current);
        });
    }

    @Override
    public WriteResult putIfAbsent(String key, Value value, long expiresAt, long now) {
        return withConnection(connection -> {
            for (int attempt = 1; ; attempt++) {
                deleteExpired(connection, key, now);
                try {
                    insert(connection, key, value, expiresAt);
                    return new WriteResult(true, Backend.entry(key, value.value(), 1, expiresAt));
                } catch (SQLException e) {
                    if (!isDuplicateKey(e)) {
                        throw e;
                    }
                }
                Entry current = read(connection, key, now);
                if (current != null) {
                    return new WriteResult(false, current);
                }
                if (attempt == WRITE_ATTEMPTS) { // the key keeps coming and going: say so rather than loop
                    throw new StoreFailure(StoreFailure.STORE_ERROR, "store '" + name + "': key '" + key
                            + "' was taken and gone again " + WRITE_ATTEMPTS + " times; try again");
                }
            }
        });
    }

    private void deleteExpired(Connection connection, String key, long now) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE skey = ? AND expires_at IS NOT NULL AND expires_at <= ?")) {
            delete.setString(1, key);
            delete.setLong(2, now);
            delete.executeUpdate();
        }
    }

    @Override
    public boolean delete(String key, long now) {
        return withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE skey = ? AND " + LIVE)) {
                delete.setString(1, key);
                delete.setLong(2, now);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public EntryPage list(String prefix, String after, int limit, long now) {
        return withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT skey, sval, is_text, version, expires_at"
                    + " FROM " + table + " WHERE skey LIKE ? ESCAPE '!' AND skey > ? AND " + LIVE
                    + " ORDER BY skey LIMIT ?")) {
                select.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                select.setString(2, after == null ? "" : after);
                select.setLong(3, now);
                select.setInt(4, limit + 1);
                List<Entry> page = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (page.size() == limit) {
                            return new EntryPage(page, page.get(limit - 1).key());
                        }
                        page.add(entry(rows));
                    }
                }
                return new EntryPage(page, null);
            }
        });
    }

    @Override
    public void sweep(long now) {
        withConnection(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
                delete.setLong(1, now);
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        // the rows stay in the table: that they outlive the runtime is the point
    }
}
