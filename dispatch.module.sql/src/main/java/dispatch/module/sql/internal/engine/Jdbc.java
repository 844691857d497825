package dispatch.module.sql.internal.engine;

import dispatch.module.sql.ExecuteResult;
import dispatch.module.sql.Keys;
import dispatch.module.sql.Options;
import dispatch.module.sql.Rows;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.internal.values.ValueList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/** The JDBC calls of the commands, each for one job on a connection it is given. */
final class Jdbc {

    /** SQLState of a result with more rows than the cap: program limit exceeded. */
    static final String TOO_MANY_ROWS_STATE = "54000";

    private Jdbc() {
    }

    /** Prepares {@code sql} to return the generated keys {@code keys} asks for. */
    static PreparedStatement prepare(Connection connection, String sql, Keys keys) throws SQLException {
        if (!keys.wanted()) {
            return connection.prepareStatement(sql);
        }
        if (keys.columns().isEmpty()) {
            return connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
        }
        return connection.prepareStatement(sql, keys.columns().toArray(String[]::new));
    }

    /** Prepares a query whose rows are read page by page. */
    static PreparedStatement prepareCursor(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    /**
     * The number of parameters of a prepared statement, -1 when the driver cannot say. The
     * question also makes PostgreSQL parse the statement, so a syntax error shows here.
     */
    static int parameterCount(PreparedStatement statement) throws SQLException {
        try {
            return statement.getParameterMetaData().getParameterCount();
        } catch (SQLFeatureNotSupportedException e) {
            return -1;
        }
    }

    /** The row cap of a query: the command's, else the datasource's. */
    static int cap(Options options, Source source) {
        return options.maxRows() > 0 ? options.maxRows() : source.pool.settings().maxRows();
    }

    /** Runs a query on a statement prepared here and closed again. */
    static Rows query(Job job, Source source, Connection connection, String sql, List<Object> params, Options options)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return query(job, source, statement, sql, false, params, options);
        }
    }

    /**
     * Runs a query on a connection borrowed in autocommit mode, on the statement the datasource
     * keeps for {@code sql} on it when it has one.
     */
    static Rows queryOnBorrowed(Job job, Source source, Connection connection, String sql, List<Object> params,
            Options options) throws SQLException {
        StatementCache.Kept kept = source.statements.prepared(connection, sql, job);
        if (kept == null) {
            return query(job, source, connection, sql, params, options);
        }
        try {
            return query(job, source, kept.statement, sql, kept.mustClearFor(params), params, options);
        } catch (SQLException | RuntimeException e) {
            source.statements.discard(connection, sql, kept, e);
            throw e;
        }
    }

    /**
     * Runs a query of {@code sql} on a prepared statement (left open) and reads every row, up
     * to the cap; with {@code clearFirst} the parameters of the statement's last run are cleared first.
     */
    static Rows query(Job job, Source source, PreparedStatement statement, String sql, boolean clearFirst,
            List<Object> params, Options options) throws SQLException {
        int cap = cap(options, source);
        configure(job, source, statement, options);
        if (source.capsRowsInDriver) {
            statement.setMaxRows(cap >= Integer.MAX_VALUE - 1 ? 0 : cap + 1);
        }
        int fetchSize = source.pool.settings().fetchSize();
        if (fetchSize > 0) {
            statement.setFetchSize(fetchSize);
        }
        Values.bind(statement, params, clearFirst);
        long shapeDrops = source.shapes.beforeRun();
        job.running(statement);
        try (ResultSet rs = statement.executeQuery()) {
            return readAll(rs, source.shapes.of(sql, rs, shapeDrops), cap);
        } finally {
            job.idle();
        }
    }

    /** Runs an update on a statement prepared here and closed again. */
    static ExecuteResult execute(Job job, Source source, Connection connection, String sql, List<Object> params,
            Keys keys, Options options) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, keys)) {
            return execute(job, source, statement, false, params, keys, options);
        }
    }

    /**
     * Runs an update on a connection borrowed in autocommit mode, on the statement the datasource
     * keeps for {@code sql} on it when it has one and no generated keys are asked for.
     */
    static ExecuteResult executeOnBorrowed(Job job, Source source, Connection connection, String sql,
            List<Object> params, Keys keys, Options options) throws SQLException {
        StatementCache.Kept kept = keys.wanted() ? null : source.statements.prepared(connection, sql, job);
        if (kept == null) {
            return execute(job, source, connection, sql, params, keys, options);
        }
        try {
            return execute(job, source, kept.statement, kept.mustClearFor(params), params, keys, options);
        } catch (SQLException | RuntimeException e) {
            source.statements.discard(connection, sql, kept, e);
            throw e;
        }
    }

    /**
     * Runs an update on a prepared statement (left open); with {@code clearFirst} its old
     * parameters are cleared first.
     */
    static ExecuteResult execute(Job job, Source source, PreparedStatement statement, boolean clearFirst,
            List<Object> params, Keys keys, Options options) throws SQLException {
        configure(job, source, statement, options);
        Values.bind(statement, params, clearFirst);
        job.running(statement);
        long count;
        try {
            count = largeUpdate(statement);
        } finally {
            job.idle();
        }
        if (!keys.wanted()) {
            return new ExecuteResult(count, Rows.empty(List.of()));
        }
        int cap = cap(options, source);
        try (ResultSet rs = statement.getGeneratedKeys()) {
            return new ExecuteResult(count, readAll(rs, ResultShape.of(rs.getMetaData()), cap));
        }
    }

    /** Every row of {@code rs}; fails past {@code cap} rows. */
    private static Rows readAll(ResultSet rs, ResultShape shape, int cap) throws SQLException {
        if (!rs.next()) {
            return Rows.empty(shape.columns);
        }
        Object[] rows = new Object[1]; // most results by key are one row
        int count = 0;
        do {
            if (count == cap) {
                throw tooMany(cap);
            }
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, Math.min(count * 2, cap));
            }
            rows[count++] = Values.row(rs, shape);
        } while (rs.next());
        return new Rows(shape.columns, ValueList.wrapRows(count == rows.length ? rows : Arrays.copyOf(rows, count)), null);
    }

    private static long largeUpdate(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeLargeUpdate();
        } catch (UnsupportedOperationException | SQLFeatureNotSupportedException e) {
            return statement.executeUpdate();
        }
    }

    /**
     * Sets the query timeout of a statement of {@code job}, only when it changes: H2 keeps the
     * timeout per connection and runs a {@code SET QUERY_TIMEOUT} command for every call, which
     * also throws away its cache of parsed statements.
     */
    static void configure(Job job, Source source, Statement statement, Options options) throws SQLException {
        int seconds = job.timeoutSeconds(options.timeout(), source.pool.settings().queryTimeoutSeconds());
        if (statement.getQueryTimeout() != seconds) {
            statement.setQueryTimeout(seconds);
        }
    }

    static SqlFailure tooMany(int cap) {
        return new SqlFailure(SqlFailure.TOO_MANY_ROWS, TOO_MANY_ROWS_STATE,
                "the result has more than " + cap + " rows (max rows): read it in pages (Options.paged) or narrow the query");
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing after a failure or for cleanup: the first error is the one that counts
            }
        }
    }

    static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            // the pool evicts a connection it cannot reset
        }
    }
}
