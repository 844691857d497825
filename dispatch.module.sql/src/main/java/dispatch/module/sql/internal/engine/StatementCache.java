package dispatch.module.sql.internal.engine;

import dispatch.module.sql.internal.pool.SqlPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared statements kept per driver connection across borrows, by SQL text, so that a query
 * or update run again on a pooled connection neither prepares nor closes a statement (for
 * PostgreSQL it also reaches the driver's server-side prepare). Only for work in autocommit
 * mode on a borrowed connection: a statement is used only by whoever borrowed its connection,
 * and the pool's hand-over between borrowers orders their uses. Each connection keeps its
 * {@value #PER_CONNECTION} most recently used statements; a statement that failed is closed and
 * prepared anew next time.
 */
final class StatementCache {

    static final int PER_CONNECTION = 64;

    private final SqlPool pool;
    private final ConcurrentHashMap<Connection, Statements> byConnection = new ConcurrentHashMap<>();
    private volatile boolean closed;

    StatementCache(SqlPool pool) {
        this.pool = pool;
    }

    /**
     * The statement for {@code sql} on the driver connection under {@code borrowed}, prepared now
     * or kept from an earlier borrow; {@code null} when the pool cannot name the driver connection
     * or the cache is closed: then the caller prepares and closes one itself. From now on a
     * cancel of {@code job} holds the lock under which statements are handed out (see
     * {@link Job#cancelUnder}).
     */
    Kept prepared(Connection borrowed, String sql, Job job) throws SQLException {
        Connection driver = pool.driverConnection(borrowed);
        if (driver == null) {
            return null;
        }
        Statements statements = byConnection.get(driver);
        if (statements == null) {
            statements = adopt(driver);
        }
        job.cancelUnder(statements);
        return statements.prepared(sql, job);
    }

    /**
     * Closes and forgets {@code kept} after it failed with {@code error}: the next run of its SQL
     * prepares a new one. A lost connection ({@link #isConnectionLost}) is also evicted from the
     * pool, which would have seen the error itself on a statement of its own.
     */
    void discard(Connection borrowed, String sql, Kept kept, Exception error) {
        Jdbc.closeQuietly(kept.statement);
        try {
            Statements statements = byConnection.get(pool.driverConnection(borrowed));
            if (statements != null) {
                statements.forget(sql, kept);
            }
        } catch (SQLException | RuntimeException e) {
            // the connection is broken: the pool drops it, and the sweep its statements
        }
        if (error instanceof SQLException sqlError && isConnectionLost(sqlError.getSQLState())) {
            pool.evict(borrowed);
        }
    }

    /** A connection exception (class 08), or PostgreSQL's server shutting down or crashed (57P01-57P03). */
    static boolean isConnectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }

    /** The statements kept now, over all connections. */
    int size() {
        int size = 0;
        for (Statements statements : byConnection.values()) {
            size += statements.count();
        }
        return size;
    }

    /**
     * Closes the kept statements; from now on callers prepare their own. The statements of a
     * connection that runs one of them now are left to the connection, which the pool closes:
     * the driver's session is busy (H2 locks it while a statement runs, and closing any statement
     * of it waits for that).
     */
    void close() {
        closed = true;
        for (Statements statements : byConnection.values()) {
            statements.closeAll();
        }
        byConnection.clear();
    }

    /** A connection seen for the first time: the statements of connections the pool has closed since go. */
    private Statements adopt(Connection driver) {
        byConnection.entrySet().removeIf(entry -> {
            if (!isClosed(entry.getKey())) {
                return false;
            }
            entry.getValue().closeAll();
            return true;
        });
        Statements fresh = new Statements(driver);
        Statements raced = byConnection.putIfAbsent(driver, fresh);
        if (closed) {
            fresh.closeAll(); // close() may have missed it
        }
        return raced != null ? raced : fresh;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /** A kept statement and how many parameters its last run bound. */
    static final class Kept {

        final PreparedStatement statement;
        private int bound;
        /** The job it was last handed to; guarded by its {@code Statements}. */
        private Job user;

        boolean isRunning() {
            Job last = user;
            return last != null && last.isRunning(statement);
        }

        Kept(PreparedStatement statement) {
            this.statement = statement;
        }

        /**
         * Whether a run with {@code params} must clear the parameters of the last run first: only
         * when it sets fewer, else it overwrites them all (clearing costs a driver call per run).
         */
        boolean mustClearFor(List<Object> params) {
            boolean clear = params.size() < bound;
            bound = params.size();
            return clear;
        }
    }

    /**
     * One connection's statements, least recently used first. Guarded by its monitor: its
     * borrower uses it, and {@link #close()} may close it from another thread meanwhile.
     */
    private static final class Statements {

        private final Connection driver;
        private final Map<String, Kept> bySql = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                Jdbc.closeQuietly(eldest.getValue().statement);
                return true;
            }
        };
        private boolean closed;

        Statements(Connection driver) {
            this.driver = driver;
        }

        synchronized Kept prepared(String sql, Job job) throws SQLException {
            if (closed) {
                return null;
            }
            Kept kept = bySql.get(sql);
            if (kept == null) {
                kept = new Kept(driver.prepareStatement(sql));
                bySql.put(sql, kept);
            }
            kept.user = job;
            return kept;
        }

        synchronized void forget(String sql, Kept kept) {
            bySql.remove(sql, kept);
        }

        synchronized int count() {
            return bySql.size();
        }

        /**
         * Stops handing out statements and closes them, unless one runs now. The closes happen
         * outside this monitor: a cancel holds it, and a statement that starts running just
         * after the look would otherwise keep its own cancel from reaching it while a close
         * waits for it.
         */
        void closeAll() {
            List<Kept> closing;
            synchronized (this) {
                closed = true;
                closing = List.copyOf(bySql.values());
                bySql.clear();
            }
            for (Kept kept : closing) {
                if (kept.isRunning()) {
                    return;
                }
            }
            for (Kept kept : closing) {
                Jdbc.closeQuietly(kept.statement);
            }
        }
    }
}
