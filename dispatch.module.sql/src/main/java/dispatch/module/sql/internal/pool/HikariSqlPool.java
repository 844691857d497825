package dispatch.module.sql.internal.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A HikariCP pool over a driver's {@link DataSource} (made by its {@code DataSourceFactory}).
 * The credentials stay in the driver's datasource: Hikari never sees the password.
 */
public final class HikariSqlPool implements SqlPool, AutoCloseable {

    private final DataSourceSettings settings;
    private final HikariDataSource pool;
    private final ConnectionGauge gauge = new ConnectionGauge();

    public HikariSqlPool(DataSourceSettings settings, DataSource driverDataSource) {
        this.settings = settings;
        HikariConfig config = new HikariConfig();
        config.setPoolName("dispatch-sql-" + settings.name());
        config.setDataSource(driverDataSource);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        config.setIdleTimeout(settings.idleTimeoutMillis());
        config.setMaxLifetime(settings.maxLifetimeMillis());
        // an unreachable database must not fail the component: commands get the connection error instead
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
    }

    /** The pool itself, published as the datasource's {@code javax.sql.DataSource} service. */
    public HikariDataSource dataSource() {
        return pool;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public DataSourceSettings settings() {
        return settings;
    }

    @Override
    public Connection borrow() throws SQLException {
        Connection connection = pool.getConnection();
        gauge.acquired();
        return connection;
    }

    @Override
    public void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Hikari evicts a connection it cannot reset; nothing is left to give back
        } finally {
            gauge.released();
        }
    }

    @Override
    public Connection driverConnection(Connection borrowed) throws SQLException {
        return borrowed.unwrap(Connection.class); // Hikari's proxy hands out the connection it wraps
    }

    @Override
    public void evict(Connection borrowed) {
        pool.evictConnection(borrowed); // closed when it comes back instead of being handed out again
    }

    @Override
    public int inUse() {
        return gauge.held();
    }

    @Override
    public boolean awaitIdle(long millis) throws InterruptedException {
        return gauge.awaitZero(millis);
    }

    @Override
    public PoolStats stats() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean == null) {
            return new PoolStats(0, 0, 0, 0);
        }
        return new PoolStats(bean.getActiveConnections(), bean.getIdleConnections(), bean.getTotalConnections(),
                bean.getThreadsAwaitingConnection());
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
