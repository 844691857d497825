package dispatch.bench.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dispatch.api.process.ProcessContext;
import dispatch.bench.BatchProcess;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.store.Get;
import dispatch.module.store.Set;
import dispatch.module.store.internal.StoreDefinition;
import dispatch.module.store.internal.StoreDispatcher;
import dispatch.module.store.internal.StoreSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the store benchmarks measure on: the store module with a memory store and a sql store on
 * an H2 table in memory behind a HikariCP pool of 4, a {@link ConcurrentHashMap} and that same
 * pool for the direct ways, and a runtime with one blocking process that runs batches of reads
 * or writes when told to, through dispatch or directly.
 */
final class StoreBenchFixture implements AutoCloseable {

    static final String MEMORY = "bench-memory";
    static final String SQL = "bench-sql";
    static final String TABLE = "bench_store";
    static final int KEYS = 1000;
    static final String VALUE = "a value of some thirty-two bytes";

    /** How a batch runs. */
    enum Way {
        DISPATCHED_GET, DISPATCHED_SET, DIRECT_GET, DIRECT_SET
    }

    private final String store;
    private final HikariDataSource pool;
    private final StoreDispatcher module;
    private final DispatchRuntime runtime;
    private final Map<String, String> map = new ConcurrentHashMap<>();
    private final BatchProcess<Way> process;

    /** @param backend {@code memory} or {@code sql} */
    StoreBenchFixture(String backend) throws SQLException {
        store = backend.equals("sql") ? SQL : MEMORY;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:storebench;DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        module = new StoreDispatcher(1000, 4, 1000, System::currentTimeMillis);
        module.addDataSource(pool, Map.of("name", "bench"));
        module.addDefinition(new StoreDefinition(StoreSettings.memory(MEMORY)));
        module.addDefinition(new StoreDefinition(StoreSettings.sql(SQL, "bench", TABLE)));
        CommandRegistry registry = new CommandRegistry();
        try {
            registry.register(new Claimant("store", "dispatch.module.store", 1), module);
        } catch (RegistrationRefused e) {
            throw new IllegalStateException(e);
        }
        registry.freeze();
        runtime = new DispatchRuntime(registry, RuntimeSettings.defaults());
        process = new BatchProcess<>(runtime, this::operation);
        try {
            inProcess(KEYS, Way.DISPATCHED_SET); // creates the table, fills both
            inProcess(KEYS, Way.DIRECT_SET);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the fixture did not start", e);
        }
    }

    private Object operation(ProcessContext process, int i, Way way) {
        String key = key(i);
        return switch (way) {
            case DISPATCHED_GET -> process.call(new Get(store, key));
            case DISPATCHED_SET -> process.call(new Set(store, key, VALUE));
            case DIRECT_GET -> store.equals(SQL) ? jdbcGet(key) : map.get(key);
            case DIRECT_SET -> store.equals(SQL) ? jdbcSet(key, VALUE) : map.put(key, VALUE);
        };
    }

    static String key(int i) {
        return "key-" + (i % KEYS);
    }

    /** The sql store's read, straight on the pool: its statement, bound and read the same way. */
    private Object jdbcGet(String key) {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT skey, sval, is_text, version, expires_at FROM " + TABLE
                        + " WHERE skey = ? AND (expires_at IS NULL OR expires_at > ?)")) {
            select.setString(1, key);
            select.setLong(2, System.currentTimeMillis());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new String(rows.getBytes(2), StandardCharsets.UTF_8)
                        + rows.getLong(4) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sql store's write of an existing key, straight on the pool: its transaction of UPDATE and SELECT. */
    private Object jdbcSet(String key, String value) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                    + " SET sval = ?, is_text = ?, expires_at = ?,"
                    + " version = CASE WHEN expires_at IS NOT NULL AND expires_at <= ? THEN 1 ELSE version + 1 END"
                    + " WHERE skey = ?");
                    PreparedStatement select = connection.prepareStatement(
                            "SELECT version FROM " + TABLE + " WHERE skey = ?")) {
                update.setBytes(1, value.getBytes(StandardCharsets.UTF_8));
                update.setBoolean(2, true);
                update.setNull(3, Types.BIGINT);
                update.setLong(4, System.currentTimeMillis());
                update.setString(5, key);
                update.executeUpdate();
                select.setString(1, key);
                long version;
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    version = rows.getLong(1);
                }
                connection.commit();
                return version;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Has the process run {@code count} operations {@code way}, and waits for it; returns the last result. */
    Object inProcess(int count, Way way) throws Exception {
        return process.run(count, way);
    }

    @Override
    public void close() {
        runtime.close();
        module.deactivate();
        pool.close();
    }
}
