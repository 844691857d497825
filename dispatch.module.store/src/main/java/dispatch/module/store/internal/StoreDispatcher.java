package dispatch.module.store.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The store module: the built-in {@value Stores#DEFAULT} memory store, a store per
 * {@link StoreDefinition}, the datasources of the sql module (every {@code javax.sql.DataSource}
 * service with a {@code name}), one bounded pool of threads for JDBC work and one scheduler
 * thread that sweeps expired entries of every store. Deactivation ends both threads' work and
 * fails the JDBC work still queued with {@code module-left}.
 */
@Component(service = Dispatcher.class, configurationPid = StoreDispatcher.PID)
@DispatchModule("store")
@Designate(ocd = ModuleConfig.class)
public final class StoreDispatcher implements Dispatcher {

    /** The PID of the module's settings. */
    public static final String PID = "dispatch.store.module";

    private static final System.Logger LOG = System.getLogger(StoreDispatcher.class.getName());

    private final LongSupplier wallClock;
    private final ThreadPoolExecutor jdbc;
    private final ScheduledExecutorService sweeper;
    private final Stores stores;
    private final StoreEngine engine;
    private final Map<DataSource, String> dataSources = new ConcurrentHashMap<>();
    private final Set<Backend> sweeping = ConcurrentHashMap.newKeySet();

    @Activate
    public StoreDispatcher(ModuleConfig config) {
        this(config.sweep_interval_millis(), config.jdbc_threads(), config.jdbc_queue(), System::currentTimeMillis);
    }

    /** A dispatcher outside a framework (tests, benchmarks): add stores with {@link #addDefinition}. */
    public StoreDispatcher(long sweepIntervalMillis, int jdbcThreads, int jdbcQueue, LongSupplier wallClock) {
        this.wallClock = wallClock;
        this.jdbc = new ThreadPoolExecutor(jdbcThreads, jdbcThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(jdbcQueue), daemons("dispatch-store-jdbc-"));
        jdbc.allowCoreThreadTimeOut(true);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemons("dispatch-store-sweep-"));
        this.stores = new Stores(new MemoryStore(Stores.DEFAULT, StoreLimits.DEFAULTS));
        this.engine = new StoreEngine(stores, jdbc, wallClock);
        sweeper.scheduleWithFixedDelay(this::sweep, sweepIntervalMillis, sweepIntervalMillis, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeDefinition")
    public void addDefinition(StoreDefinition definition) {
        Backend store;
        try {
            store = build(definition.settings());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "store configuration refused: " + e.getMessage());
            return;
        }
        stores.add(definition, store);
    }

    public void removeDefinition(StoreDefinition definition) {
        Backend store = stores.remove(definition);
        if (store != null) {
            store.close();
        }
    }

    private Backend build(StoreSettings settings) {
        String name = settings.name();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a store needs a name");
        }
        return switch (settings.type()) {
            case "memory" -> new MemoryStore(name, settings.limits());
            case "sql" -> new SqlStore(name, settings.datasource(), () -> dataSource(settings.datasource()),
                    settings.tableName(), settings.maxValueBytes());
            default -> throw new IllegalArgumentException("store '" + name + "': type must be memory or sql, got '"
                    + settings.type() + "'");
        };
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(name=*)", unbind = "removeDataSource",
            updated = "addDataSource")
    public void addDataSource(DataSource dataSource, Map<String, Object> properties) {
        dataSources.put(dataSource, String.valueOf(properties.get("name")));
    }

    public void removeDataSource(DataSource dataSource) {
        dataSources.remove(dataSource);
    }

    /** The datasource named {@code name} now, or {@code null}. */
    private DataSource dataSource(String name) {
        for (Map.Entry<DataSource, String> entry : dataSources.entrySet()) {
            if (entry.getValue().equals(name)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** Removes expired entries: in memory right here, in a table on a JDBC thread (one sweep per store at a time). */
    private void sweep() {
        long now = wallClock.getAsLong();
        for (Backend store : stores.all()) {
            try {
                if (!store.blocking()) {
                    store.sweep(now);
                } else if (sweeping.add(store)) {
                    jdbc.execute(() -> {
                        try {
                            store.sweep(now);
                        } catch (RuntimeException e) {
                            LOG.log(Level.DEBUG, "sweep of store " + store.name() + " failed: " + e);
                        } finally {
                            sweeping.remove(store);
                        }
                    });
                }
            } catch (RejectedExecutionException e) {
                sweeping.remove(store); // busy or stopping: the next sweep tries again
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "sweep of store " + store.name() + " failed: " + e);
            }
        }
    }

    /** Stops the sweeps and the JDBC threads (running work finishes); work still queued fails with {@code module-left}. */
    @Deactivate
    public void deactivate() {
        sweeper.shutdownNow();
        // no shutdownNow: an interrupt during an H2 file database's I/O would close its file
        jdbc.shutdown();
        List<Runnable> queued = new ArrayList<>();
        jdbc.getQueue().drainTo(queued);
        StoreEngine.abandon(queued);
        stores.all().forEach(Backend::close);
    }

    /** The stores commands reach, by name (for the shell). */
    Map<String, Backend> stores() {
        return stores.serving();
    }

    @Override
    public void registerAll(Registrar registrar) {
        engine.registerAll(registrar);
    }
}
