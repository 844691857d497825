package dispatch.module.sql.internal.pool;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A named, pooled datasource as the sql module sees it: connections are borrowed and given
 * back through it so that the module can count what it holds. Published as a service by the
 * datasource components, beside {@code javax.sql.DataSource}.
 */
public interface SqlPool {

    /** The datasource's name, as commands give it. */
    String name();

    /** The settings (never exposing the password). */
    DataSourceSettings settings();

    /** Borrows a connection, waiting up to the connection timeout. */
    Connection borrow() throws SQLException;

    /** Gives a borrowed connection back to the pool (closing the proxy); never throws. */
    void giveBack(Connection connection);

    /**
     * The driver's own connection under a borrowed one, which stays open across borrows while
     * the pool keeps it; {@code null} when the pool cannot tell. Statements prepared on it are
     * the caller's to close.
     */
    default Connection driverConnection(Connection borrowed) throws SQLException {
        return null;
    }

    /**
     * Tells the pool that a borrowed connection is broken (an error of SQLState class 08 came
     * from a statement the pool did not see), so that it is closed rather than handed out again.
     */
    default void evict(Connection borrowed) {
    }

    /** The connections the module holds now. */
    int inUse();

    /**
     * Waits until the module holds no connection, at most {@code millis}.
     *
     * @return whether it holds none
     */
    boolean awaitIdle(long millis) throws InterruptedException;

    /** The pool's own figures. */
    PoolStats stats();
}
