package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.module.sql.internal.pool.HikariSqlPool;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.h2.util.OsgiDataSourceFactory;

/**
 * Drives the sql module's handlers directly, the way the runtime does, with the probes of
 * {@code dispatch.testing}: processes with exit hooks, and yields that can be cancelled or time
 * out and take each result at most once.
 */
final class Harness implements AutoCloseable {

    static final long WAIT_SECONDS = YieldProbe.WAIT.toSeconds();

    final SqlDispatcher dispatcher;
    final HikariSqlPool pool;
    /** Whether {@link #call} yields like {@code ProcessContext.call} (the caller waits: the SQL may run on it). */
    volatile boolean callerWaits;
    private final Map<Integer, Handler> handlers = new HashMap<>();

    private static final AtomicLong DATABASES = new AtomicLong();

    Harness(String database, int poolSize, boolean virtualThreads) throws Exception {
        this(DataSourceSettings.builder("h2")
                .url("jdbc:h2:mem:" + database + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1").user("sa")
                .poolSize(poolSize).maxRows(1_000).build(), virtualThreads);
    }

    Harness(DataSourceSettings settings, boolean virtualThreads) throws Exception {
        this(settings, virtualThreads, UnaryOperator.identity());
    }

    /** A harness whose pool takes its connections from {@code wrap} applied to H2's datasource. */
    Harness(DataSourceSettings settings, boolean virtualThreads, UnaryOperator<DataSource> wrap) throws Exception {
        DataSource driver = new OsgiDataSourceFactory(new org.h2.Driver()).createDataSource(settings.factoryProperties());
        pool = new HikariSqlPool(settings, wrap.apply(driver));
        dispatcher = new SqlDispatcher(virtualThreads, true);
        dispatcher.addPool(pool, Map.of());
        dispatcher.registerAll(new Registrar() {
            @Override
            public void register(int id, String commandName, Handler handler) {
                handlers.put(id, handler);
            }
        });
    }

    ProcessProbe process() {
        return new ProcessProbe();
    }

    /** Yields a command for {@code process}; the result arrives in the returned yield. */
    YieldProbe start(ProcessProbe process, Command<?> command) {
        return start(process, command, null);
    }

    YieldProbe start(ProcessProbe process, Command<?> command, Duration timeout) {
        return start(process, command, timeout, false);
    }

    YieldProbe start(ProcessProbe process, Command<?> command, Duration timeout, boolean callerWaits) {
        return new YieldProbe(process, timeout, callerWaits).yieldTo(handlers.get(command.id()), command);
    }

    /** Yields and waits for the value, which must be the only completion so far; an error result is thrown. */
    <R> R call(ProcessProbe process, Command<R> command) {
        YieldProbe yield = start(process, command, null, callerWaits);
        yield.awaitDone();
        yield.assertCompletedOnce();
        return yield.value();
    }

    /** Yields and waits for the error result, which must be a {@code T} and the only completion so far. */
    <T extends Throwable> T failure(ProcessProbe process, Command<?> command, Class<T> type) {
        YieldProbe yield = start(process, command, null, callerWaits);
        yield.awaitDone();
        yield.assertCompletedOnce();
        return yield.error(type);
    }

    /** Waits (on the pool's gauge) until the module holds no connection, and checks Hikari agrees. */
    void assertNoConnectionInUse() throws InterruptedException {
        assertTrue("connections still in use: " + pool.inUse(), pool.awaitIdle(TimeUnit.SECONDS.toMillis(WAIT_SECONDS)));
        assertEquals("Hikari's active connections", 0, pool.stats().active());
    }

    @Override
    public void close() {
        dispatcher.deactivate();
        pool.close();
    }
}
