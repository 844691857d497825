package dispatch.module.sql.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.module.sql.Begin;
import dispatch.module.sql.CursorClose;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Fetch;
import dispatch.module.sql.Prepare;
import dispatch.module.sql.Query;
import dispatch.module.sql.StmtClose;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.StmtQuery;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxPrepare;
import dispatch.module.sql.TxQuery;
import dispatch.module.sql.TxRollback;
import dispatch.module.sql.internal.engine.SqlEngine;
import dispatch.module.sql.internal.pool.SqlPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the sql module: its handlers run the commands on the datasources that are there
 * now (every {@link SqlPool} service, by name; of two with one name the higher ranked wins),
 * and publishes each of them as a {@code javax.sql.DataSource} once it serves it
 * ({@link DataSourceServices}). Deactivation closes every handle: transactions are rolled back,
 * connections given back.
 */
@Component(service = {Dispatcher.class, SqlDispatcher.class}, configurationPid = SqlDispatcher.PID)
@DispatchModule("sql")
@Designate(ocd = SqlConfig.class)
public final class SqlDispatcher implements Dispatcher {

    /** The PID of the module's settings. */
    public static final String PID = "dispatch.sql";

    private final SqlEngine engine;
    private final DataSourceServices dataSources;
    private final Map<SqlPool, Map<String, Object>> pools = new HashMap<>();

    @Activate
    public SqlDispatcher(SqlConfig config, BundleContext context) {
        this(config.virtual_threads(), config.caller_runs(), context);
    }

    /** A dispatcher outside a framework (tests, benchmarks): add datasources with {@link #addPool}. */
    public SqlDispatcher(boolean virtualThreads, boolean callerRuns) {
        this(virtualThreads, callerRuns, null);
    }

    private SqlDispatcher(boolean virtualThreads, boolean callerRuns, BundleContext context) {
        this.engine = new SqlEngine(virtualThreads, callerRuns);
        this.dataSources = new DataSourceServices(context);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePool", updated = "updatePool")
    public void addPool(SqlPool pool, Map<String, Object> properties) {
        synchronized (pools) {
            pools.put(pool, properties);
        }
        refresh();
        dataSources.publish(pool, properties, this::serves); // only now: commands on it work from here on
    }

    private boolean serves(SqlPool pool) {
        synchronized (pools) {
            return pools.containsKey(pool);
        }
    }

    void updatePool(SqlPool pool, Map<String, Object> properties) {
        addPool(pool, properties);
    }

    public void removePool(SqlPool pool) {
        synchronized (pools) {
            pools.remove(pool);
        }
        dataSources.withdraw(pool); // after the removal: a bind running late finds it gone and publishes nothing
        refresh();
    }

    private void refresh() {
        Map<String, SqlPool> byName = new LinkedHashMap<>();
        synchronized (pools) {
            List<Map.Entry<SqlPool, Map<String, Object>>> ranked = new ArrayList<>(pools.entrySet());
            ranked.sort(Comparator.comparing((Map.Entry<SqlPool, Map<String, Object>> e) -> ranking(e.getValue()))
                    .reversed().thenComparing(e -> serviceId(e.getValue())));
            for (Map.Entry<SqlPool, Map<String, Object>> entry : ranked) {
                byName.putIfAbsent(entry.getKey().name(), entry.getKey());
            }
            engine.use(byName);
        }
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer ranking ? ranking : 0;
    }

    private static long serviceId(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID) instanceof Long id ? id : Long.MAX_VALUE;
    }

    /** Closes every handle and stops the JDBC threads. */
    @Deactivate
    public void deactivate() {
        dataSources.withdrawAll();
        engine.close();
    }

    /** The engine, for the shell commands. */
    SqlEngine engine() {
        return engine;
    }

    /** The datasources the commands run on, by name. */
    List<SqlPool> pools() {
        synchronized (pools) {
            List<SqlPool> list = new ArrayList<>(pools.keySet());
            list.sort(Comparator.comparing(SqlPool::name));
            return list;
        }
    }

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Query.ID, Query.class, engine::query);
        registrar.register(Execute.ID, Execute.class, engine::execute);
        registrar.register(Prepare.ID, Prepare.class, engine::prepare);
        registrar.register(Begin.ID, Begin.class, engine::begin);
        registrar.register(StmtQuery.ID, StmtQuery.class, engine::stmtQuery);
        registrar.register(StmtExecute.ID, StmtExecute.class, engine::stmtExecute);
        registrar.register(StmtClose.ID, StmtClose.class, engine::stmtClose);
        registrar.register(TxQuery.ID, TxQuery.class, engine::txQuery);
        registrar.register(TxExecute.ID, TxExecute.class, engine::txExecute);
        registrar.register(TxPrepare.ID, TxPrepare.class, engine::txPrepare);
        registrar.register(TxCommit.ID, TxCommit.class, engine::txCommit);
        registrar.register(TxRollback.ID, TxRollback.class, engine::txRollback);
        registrar.register(Fetch.ID, Fetch.class, engine::fetch);
        registrar.register(CursorClose.ID, CursorClose.class, engine::cursorClose);
    }
}
