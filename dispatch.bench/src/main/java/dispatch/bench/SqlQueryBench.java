package dispatch.bench;

import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.api.process.BlockingProcess;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.sql.Column;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.internal.SqlDispatcher;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.module.sql.internal.pool.HikariSqlPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.util.OsgiDataSourceFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A simple query (one row by primary key, H2 in memory) through dispatch, against the same
 * query on the same HikariCP pool straight from JDBC. "Through dispatch" is the whole path: a
 * blocking-style process yields {@code Query}, the runtime routes it to the sql module, which
 * borrows a connection, binds, runs, maps the row into {@code Rows} and completes the yield. Each invocation runs {@value #BATCH}
 * queries one after another, so that handing the batch to the process costs next to nothing
 * per query: one operation is one query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class SqlQueryBench {

    static final int BATCH = 10_000;
    static final String SQL = "SELECT id, name, amount FROM items WHERE id = ?";

    /**
     * Whether a process that waits for its query ({@code ProcessContext.call}) runs the SQL on
     * its own thread (the default); without, every query hops to a JDBC thread and back.
     */
    @Param({"true", "false"})
    public boolean callerRuns;

    private HikariSqlPool pool;
    private SqlDispatcher sql;
    private DispatchRuntime runtime;
    private long pid;
    private volatile CompletableFuture<Object> batchDone;
    private Handler queryHandler;
    private final WaitingCaller caller = new WaitingCaller();

    /** A yield context and receiver for a caller that waits on this thread; the result lands in a field. */
    static final class WaitingCaller implements YieldContext, ResultReceiver, ProcessRef {
        volatile Object result;

        @Override
        public boolean completeYield(long tag, Object data, Throwable error) {
            result = error == null ? data : error;
            return true;
        }

        @Override
        public long tag() {
            return 0;
        }

        @Override
        public ProcessRef process() {
            return this;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public long deadlineNanos() {
            return NO_DEADLINE;
        }

        @Override
        public boolean callerWaits() {
            return true;
        }

        @Override
        public Subscription onCancel(Runnable action) {
            return () -> { };
        }

        @Override
        public long pid() {
            return 1;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public boolean send(Object message) {
            return true;
        }

        @Override
        public Subscription onExit(Runnable action) {
            return () -> { };
        }
    }

    @Setup
    public void setUp() throws Exception {
        DataSourceSettings settings = DataSourceSettings.builder("bench").url("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1")
                .user("sa").poolSize(4).build();
        DataSource driver = new OsgiDataSourceFactory(new org.h2.Driver()).createDataSource(settings.factoryProperties());
        pool = new HikariSqlPool(settings, driver);
        try (Connection connection = pool.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(10,2))");
            statement.execute("INSERT INTO items SELECT X, 'item ' || X, X * 1.5 FROM SYSTEM_RANGE(1, 1000)");
        }
        sql = new SqlDispatcher(true, callerRuns);
        sql.addPool(pool, Map.of());
        sql.registerAll(new Registrar() {
            @Override
            public void register(int id, String commandName, Handler handler) {
                if (id == Query.ID) {
                    queryHandler = handler;
                }
            }
        });
        CommandRegistry registry = new CommandRegistry();
        try {
            registry.register(new Claimant("sql", "dispatch.module.sql", 1), sql);
        } catch (RegistrationRefused e) {
            throw new IllegalStateException(e);
        }
        registry.freeze();
        runtime = new DispatchRuntime(registry, RuntimeSettings.defaults());
        pid = runtime.spawn((BlockingProcess) process -> {
            while (true) {
                int count = (Integer) process.receive();
                Object last = null;
                for (int i = 0; i < count; i++) {
                    Rows rows = process.call(Query.on("bench", SQL, 1 + (i % 1000)));
                    last = rows;
                }
                batchDone.complete(last);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object dispatched() throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        batchDone = done;
        runtime.send(pid, BATCH);
        return done.get(60, TimeUnit.SECONDS);
    }

    /**
     * The sql module's own share: its handler called straight from this thread as a waiting
     * caller, without the runtime (no process, no yield slot, no inbox). Without callerRuns the
     * query hops to a JDBC thread, and this thread spins for the result.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object handlerOnly() throws Exception {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            Query query = Query.on("bench", SQL, 1 + (i % 1000));
            caller.result = null;
            queryHandler.handle(caller, query, i, caller);
            Object result;
            while ((result = caller.result) == null) {
                Thread.onSpinWait(); // only without callerRuns: the result comes from a JDBC thread
            }
            last = result;
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void direct(Blackhole blackhole) throws SQLException {
        for (int i = 0; i < BATCH; i++) {
            try (Connection connection = pool.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setInt(1, 1 + (i % 1000));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        blackhole.consume(rs.getInt(1));
                        blackhole.consume(rs.getString(2));
                        blackhole.consume(rs.getBigDecimal(3));
                    }
                }
            }
        }
    }

    /**
     * Beside {@link #direct}: the same JDBC calls, and the rows handed on the way the sql module
     * hands them to a process (a {@code Rows} with the column descriptions from the metadata),
     * so that what dispatch costs can be told from what a self-describing result costs.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object directToRows() throws SQLException {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            try (Connection connection = pool.dataSource().getConnection();
                    PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setInt(1, 1 + (i % 1000));
                try (ResultSet rs = statement.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<Column> columns = new ArrayList<>(meta.getColumnCount());
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(new Column(meta.getColumnLabel(c), meta.getColumnType(c), meta.getColumnTypeName(c)));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(Arrays.asList(rs.getInt(1), rs.getString(2), rs.getBigDecimal(3)));
                    }
                    last = new Rows(columns, rows, null);
                }
            }
        }
        return last;
    }

    @TearDown
    public void tearDown() {
        runtime.close();
        sql.deactivate();
        pool.close();
    }
}
