package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.module.sql.internal.pool.HikariSqlPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.h2.util.OsgiDataSourceFactory;

/**
 * Drives the sql module's handlers directly, the way the runtime does: fake processes with an
 * exit hook, yield contexts that can be cancelled or time out, and a receiver that takes each
 * tag's result at most once and ignores results of cancelled yields.
 */
final class Harness implements AutoCloseable {

    static final long WAIT_SECONDS = 20;

    final SqlDispatcher dispatcher;
    final HikariSqlPool pool;
    /** Whether {@link #call} yields like {@code ProcessContext.call} (the caller waits: the SQL may run on it). */
    volatile boolean callerWaits;
    private final Map<Integer, Handler> handlers = new HashMap<>();
    private final AtomicLong pids = new AtomicLong();
    private final AtomicLong tags = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

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

    FakeProcess process() {
        return new FakeProcess(pids.incrementAndGet());
    }

    /** Yields a command for {@code process}; the result arrives in the returned yield's future. */
    Yield start(FakeProcess process, Command<?> command) {
        return start(process, command, null);
    }

    Yield start(FakeProcess process, Command<?> command, Duration timeout) {
        return start(process, command, timeout, false);
    }

    Yield start(FakeProcess process, Command<?> command, Duration timeout, boolean callerWaits) {
        Yield yield = new Yield(tags.incrementAndGet(), process,
                timeout == null ? YieldContext.NO_DEADLINE : System.nanoTime() + timeout.toNanos(), callerWaits);
        process.outstanding.put(yield.tag, yield);
        if (timeout != null) {
            timer.schedule(() -> yield.expire(), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        Handler handler = handlers.get(command.id());
        try {
            handler.handle(yield, command, yield.tag, yield);
        } catch (Exception e) {
            yield.completeYield(yield.tag, null, e);
        }
        return yield;
    }

    /** Yields and waits for the value; an error result is thrown. */
    @SuppressWarnings("unchecked")
    <R> R call(FakeProcess process, Command<R> command) {
        return (R) start(process, command, null, callerWaits).value();
    }

    /** Yields and waits for the error result, which must be a {@code T}. */
    <T extends Throwable> T failure(FakeProcess process, Command<?> command, Class<T> type) {
        Throwable error = start(process, command, null, callerWaits).error();
        assertTrue("expected " + type.getSimpleName() + " but got " + error, type.isInstance(error));
        return type.cast(error);
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
        timer.shutdownNow();
    }

    /** A process: an ID, a liveness flag and exit hooks; its end cancels its outstanding yields. */
    static final class FakeProcess implements ProcessRef {
        final long pid;
        private volatile boolean alive = true;
        private final List<Runnable> exitActions = new ArrayList<>();
        final Map<Long, Yield> outstanding = new ConcurrentHashMap<>();

        FakeProcess(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public boolean send(Object message) {
            return alive;
        }

        @Override
        public Subscription onExit(Runnable action) {
            synchronized (exitActions) {
                if (alive) {
                    exitActions.add(action);
                    return () -> {
                        synchronized (exitActions) {
                            exitActions.remove(action);
                        }
                    };
                }
            }
            action.run();
            return () -> { };
        }

        /** Ends the process: outstanding yields are cancelled, then the exit hooks run. */
        void exit() {
            List<Runnable> actions;
            synchronized (exitActions) {
                alive = false;
                actions = new ArrayList<>(exitActions);
                exitActions.clear();
            }
            for (Yield yield : outstanding.values()) {
                yield.cancel();
            }
            actions.forEach(Runnable::run);
        }
    }

    /** One yield: its context, its receiver and its result. */
    static final class Yield implements YieldContext, ResultReceiver {
        final long tag;
        final FakeProcess process;
        final long deadline;
        final boolean callerWaits;
        final CompletableFuture<Object> result = new CompletableFuture<>();
        private final List<Runnable> cancelActions = new ArrayList<>();
        private volatile boolean cancelled;

        Yield(long tag, FakeProcess process, long deadline, boolean callerWaits) {
            this.tag = tag;
            this.process = process;
            this.deadline = deadline;
            this.callerWaits = callerWaits;
        }

        @Override
        public boolean callerWaits() {
            return callerWaits;
        }

        @Override
        public long tag() {
            return tag;
        }

        @Override
        public ProcessRef process() {
            return process;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public long deadlineNanos() {
            return deadline;
        }

        @Override
        public Subscription onCancel(Runnable action) {
            synchronized (cancelActions) {
                if (!cancelled) {
                    cancelActions.add(action);
                    return () -> {
                        synchronized (cancelActions) {
                            cancelActions.remove(action);
                        }
                    };
                }
            }
            action.run();
            return () -> { };
        }

        /** Cancels the yield: it completes with a {@code cancelled} error, the handler is told. */
        void cancel() {
            end(new DispatchException(DispatchException.CANCELLED, "cancelled"));
        }

        void expire() {
            end(new DispatchException(DispatchException.TIMEOUT, "deadline passed"));
        }

        private void end(DispatchException why) {
            List<Runnable> actions;
            synchronized (cancelActions) {
                if (cancelled || result.isDone()) {
                    return;
                }
                cancelled = true;
                actions = new ArrayList<>(cancelActions);
                cancelActions.clear();
            }
            result.completeExceptionally(why);
            process.outstanding.remove(tag);
            actions.forEach(Runnable::run);
        }

        @Override
        public boolean completeYield(long completedTag, Object data, Throwable error) {
            if (completedTag != tag) {
                throw new AssertionError("completed tag " + completedTag + " for yield " + tag);
            }
            synchronized (cancelActions) {
                if (cancelled || !process.isAlive()) {
                    return false;
                }
                boolean delivered = error == null ? result.complete(data) : result.completeExceptionally(error);
                if (!delivered) {
                    throw new AssertionError("tag " + tag + " completed twice");
                }
            }
            process.outstanding.remove(tag);
            return true;
        }

        Object value() {
            try {
                return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new AssertionError(e.getCause());
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("no result for yield " + tag + " within " + WAIT_SECONDS + " s", e);
            }
        }

        Throwable error() {
            try {
                Object value = result.get(WAIT_SECONDS, TimeUnit.SECONDS);
                org.junit.Assert.fail("expected an error, got " + value);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException | TimeoutException e) {
                throw new AssertionError("no result for yield " + tag + " within " + WAIT_SECONDS + " s", e);
            }
        }
    }
}
