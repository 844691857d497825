package dispatch.module.sql.internal.pool;

import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * What the datasource components share: a {@link HikariSqlPool} over the datasource the
 * driver's {@link DataSourceFactory} makes, published as {@link SqlPool}. The sql module's
 * dispatcher publishes it as {@link DataSource} too (the same pool, for any other bundle), once
 * it serves it.
 */
abstract class PooledDataSource implements SqlPool, DataSource {

    private static final System.Logger LOG = System.getLogger(PooledDataSource.class.getName());

    private final HikariSqlPool pool;

    PooledDataSource(DataSourceFactory factory, DataSourceSettings settings) throws SQLException {
        DataSource driverDataSource = factory.createDataSource(settings.factoryProperties());
        this.pool = new HikariSqlPool(settings, driverDataSource);
        LOG.log(Level.INFO, "dispatch sql: {0} started", settings);
    }

    /** Closes the pool: connections still borrowed are closed as they come back. */
    void close() {
        pool.close();
        LOG.log(Level.INFO, "dispatch sql: datasource {0} closed", pool.name());
    }

    @Override
    public String name() {
        return pool.name();
    }

    @Override
    public DataSourceSettings settings() {
        return pool.settings();
    }

    @Override
    public Connection borrow() throws SQLException {
        return pool.borrow();
    }

    @Override
    public void giveBack(Connection connection) {
        pool.giveBack(connection);
    }

    @Override
    public Connection driverConnection(Connection borrowed) throws SQLException {
        return pool.driverConnection(borrowed);
    }

    @Override
    public void evict(Connection borrowed) {
        pool.evict(borrowed);
    }

    @Override
    public int inUse() {
        return pool.inUse();
    }

    @Override
    public boolean awaitIdle(long millis) throws InterruptedException {
        return pool.awaitIdle(millis);
    }

    @Override
    public PoolStats stats() {
        return pool.stats();
    }

    // javax.sql.DataSource: the pool itself, for bundles that use JDBC directly

    @Override
    public Connection getConnection() throws SQLException {
        return pool.dataSource().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are configured; use getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.dataSource().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.dataSource().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.dataSource().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.dataSource().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.dataSource().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(pool.dataSource())) {
            return type.cast(pool.dataSource());
        }
        return pool.dataSource().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(pool.dataSource()) || pool.dataSource().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return pool.toString();
    }
}
