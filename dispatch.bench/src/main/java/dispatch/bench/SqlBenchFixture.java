package dispatch.bench;

import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.sql.Column;
import dispatch.module.sql.Query;
import dispatch.module.sql.internal.SqlDispatcher;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.module.sql.internal.pool.HikariSqlPool;
import java.math.BigDecimal;
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
import javax.sql.DataSource;
import org.h2.util.OsgiDataSourceFactory;

/**
 * What the sql benchmarks measure on: an H2 table in memory behind a HikariCP pool of 4, the
 * sql module on that pool (and on a second pool of the same database, {@value #UNVERIFIED},
 * that does not verify result shapes), and a runtime with one blocking process that runs
 * batches of queries when told to, through dispatch or straight on the pool.
 */
final class SqlBenchFixture implements AutoCloseable {

    static final String SQL = "SELECT id, name, amount FROM items WHERE id = ?";
    static final int KEYS = 1000;
    /** The datasource with {@code verify.result.shape=false}. */
    static final String UNVERIFIED = "bench-unverified";

    /** How a batch runs its queries. */
    enum Way {
        /** Straight on the pool, as {@link #direct}. */
        DIRECT,
        /** {@code ProcessContext.call} of a {@code Query} on the default settings. */
        DISPATCHED,
        /** The same on the datasource that uses cached result shapes unverified. */
        DISPATCHED_UNVERIFIED,
        /** Straight on the pool as {@link #directToRows}: what a self-describing result costs without dispatch. */
        DIRECT_TO_ROWS
    }

    final HikariSqlPool pool;
    private final HikariSqlPool unverifiedPool;
    final SqlDispatcher sql;
    final Handler queryHandler;
    final DispatchRuntime runtime;
    private final BatchProcess<Way> process;

    SqlBenchFixture(boolean callerRuns) throws SQLException {
        pool = pool(DataSourceSettings.builder("bench"));
        unverifiedPool = pool(DataSourceSettings.builder(UNVERIFIED).verifyResultShape(false));
        try (Connection connection = pool.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS items (id INT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(10,2))");
            statement.execute("MERGE INTO items SELECT X, 'item ' || X, X * 1.5 FROM SYSTEM_RANGE(1, " + KEYS + ")");
        }
        sql = new SqlDispatcher(true, callerRuns);
        sql.addPool(pool, Map.of());
        sql.addPool(unverifiedPool, Map.of());
        Handler[] query = new Handler[1];
        sql.registerAll(new Registrar() {
            @Override
            public void register(int id, String commandName, Handler handler) {
                if (id == Query.ID) {
                    query[0] = handler;
                }
            }
        });
        queryHandler = query[0];
        CommandRegistry registry = new CommandRegistry();
        try {
            registry.register(new Claimant("sql", "dispatch.module.sql", 1), sql);
        } catch (RegistrationRefused e) {
            throw new IllegalStateException(e);
        }
        registry.freeze();
        runtime = new DispatchRuntime(registry, RuntimeSettings.defaults());
        process = new BatchProcess<>(runtime, (caller, i, way) -> switch (way) {
            case DIRECT -> direct(key(i));
            case DISPATCHED -> caller.call(query(i));
            case DISPATCHED_UNVERIFIED -> caller.call(Query.on(UNVERIFIED, SQL, key(i)));
            case DIRECT_TO_ROWS -> directToRows(key(i));
        });
    }

    /** A result as a caller without dispatch describes it: its columns and its rows. */
    record DescribedRows(List<Column> columns, List<List<Object>> rows) {
    }

    private static HikariSqlPool pool(DataSourceSettings.Builder settings) throws SQLException {
        DataSourceSettings built = settings.url("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1").user("sa").poolSize(4).build();
        DataSource driver = new OsgiDataSourceFactory(new org.h2.Driver()).createDataSource(built.factoryProperties());
        return new HikariSqlPool(built, driver);
    }

    static int key(int i) {
        return 1 + (i % KEYS);
    }

    static Query query(int i) {
        return Query.on("bench", SQL, key(i));
    }

    /**
     * The query straight on the pool, as a caller without dispatch writes it: borrow, prepare,
     * bind, execute, read the three columns, close. Returns something of each value so that
     * none of the reads can be left out.
     */
    int direct(int key) {
        try (Connection connection = pool.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, key);
            int seen = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    String name = rs.getString(2);
                    BigDecimal amount = rs.getBigDecimal(3);
                    seen += id + name.length() + amount.scale();
                }
            }
            return seen;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link #direct}, and the row handed on as the sql module hands it to a process: with the
     * column descriptions (label, type, type name) from the result's metadata. Built as a caller
     * would by hand, not as the module's {@code Rows}: in the same JVM as the dispatched ways,
     * other lists through {@code Rows} would make its code slower for them too.
     */
    DescribedRows directToRows(int key) {
        try (Connection connection = pool.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(1, key);
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
                return new DescribedRows(columns, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Has the process run {@code count} queries {@code way}, and waits for it; returns the last result. */
    Object inProcess(int count, Way way) throws Exception {
        return process.run(count, way);
    }

    @Override
    public void close() {
        runtime.close();
        sql.deactivate();
        pool.close();
        unverifiedPool.close();
    }

    /** A yield context and receiver for a caller that waits on its own thread; the result lands in a field. */
    static final class WaitingCaller extends StubYieldContext implements ResultReceiver, ProcessRef {
        volatile Object result;

        @Override
        public boolean completeYield(long tag, Object data, Throwable error) {
            result = error == null ? data : error;
            return true;
        }

        @Override
        public ProcessRef process() {
            return this;
        }

        @Override
        public boolean callerWaits() {
            return true;
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
}
