package dispatch.module.sql.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A driver datasource that counts the connections it opens, and whose prepared statements fail
 * their queries with SQLState 08006 (connection failure) while {@code lost} is set.
 */
final class LosingConnections {

    private LosingConnections() {
    }

    static DataSource of(DataSource driver, AtomicInteger opened, AtomicBoolean lost) {
        return forwarding(DataSource.class, driver, (target, method, args) -> {
            Object result = call(target, method, args);
            if (method.getName().equals("getConnection")) {
                opened.incrementAndGet();
                return connection((Connection) result, lost);
            }
            return result;
        });
    }

    private static Connection connection(Connection connection, AtomicBoolean lost) {
        return forwarding(Connection.class, connection, (target, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof PreparedStatement statement ? statement(statement, lost) : result;
        });
    }

    private static PreparedStatement statement(PreparedStatement statement, AtomicBoolean lost) {
        return forwarding(PreparedStatement.class, statement, (target, method, args) -> {
            if (method.getName().equals("executeQuery") && lost.get()) {
                throw new SQLException("connection lost (test)", "08006");
            }
            return call(target, method, args);
        });
    }

    /** What a forwarding proxy does with a call to its target. */
    private interface Forward {
        Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
    }

    private static <T> T forwarding(Class<T> type, T target, Forward forward) {
        InvocationHandler handler = (proxy, method, args) -> forward.call(target, method, args);
        return type.cast(Proxy.newProxyInstance(LosingConnections.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
