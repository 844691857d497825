package dispatch.itest.store;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import dispatch.itest.sql.SqlTestSupport;
import dispatch.itest.support.Processes;
import dispatch.itest.support.Services;
import dispatch.module.clock.Sleep;
import dispatch.module.store.CompareAndSet;
import dispatch.module.store.Entry;
import dispatch.module.store.Get;
import dispatch.module.store.Has;
import dispatch.module.store.ListEntries;
import dispatch.module.store.PutIfAbsent;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import dispatch.module.store.WriteResult;
import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The store module in a real framework, through real processes: a memory store and a sql store
 * on this suite's database, both configured through ConfigAdmin as users do.
 */
public abstract class StoreSuite extends SqlTestSupport {

    static final String MEMORY = "itest-memory";
    static final String SQL = "itest-sql";
    /** A sql store whose datasource does not exist. */
    static final String ORPHAN = "itest-orphan";
    static final int MAX_VALUE_BYTES = 64;

    /** Keys of this run: the sql table outlives it (on PostgreSQL, also earlier runs). */
    private final String run = UUID.randomUUID().toString();

    @Before
    public void configureStores() throws Exception {
        configureStore(MEMORY, "memory", datasource());
        configureStore(SQL, "sql", datasource());
        configureStore(ORPHAN, "sql", "nowhere");
        for (String store : List.of(MEMORY, SQL, ORPHAN)) {
            awaitStore(store);
        }
    }

    private void configureStore(String name, String type, String datasource) throws Exception {
        ConfigurationAdmin configAdmin = Services.await(context, ConfigurationAdmin.class, null);
        var configuration = configAdmin.getFactoryConfiguration("dispatch.store", name, "?");
        if (configuration.getProperties() != null) {
            return; // configured by an earlier test of this framework
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("type", type);
        properties.put("datasource", datasource);
        properties.put("table", "itest_store");
        properties.put("max.value.bytes", MAX_VALUE_BYTES);
        configuration.update(properties);
    }

    /** Waits, at most {@link #WAIT_SECONDS}, until commands reach store {@code name}, yielding Sleep between tries. */
    private void awaitStore(String name) throws Exception {
        Processes.call(runtime, process -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (true) {
                try {
                    return process.call(new Has(name, "probe"));
                } catch (StoreFailure e) {
                    if (StoreFailure.UNAVAILABLE.equals(e.code())) {
                        return false; // there, but its datasource is not
                    }
                    if (!StoreFailure.UNKNOWN_STORE.equals(e.code()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    process.call(new Sleep(Duration.ofMillis(20)));
                }
            }
        });
    }

    private String key(String name) {
        return run + "/" + name;
    }

    @Test
    public void twoHundredProcessesCountExactlyWithCompareAndSetOnMemory() throws Exception {
        countWithCompareAndSet(MEMORY);
    }

    @Test
    public void twoHundredProcessesCountExactlyWithCompareAndSetOnSql() throws Exception {
        countWithCompareAndSet(SQL);
    }

    private void countWithCompareAndSet(String store) throws Exception {
        int processes = 200;
        int each = 3;
        String counter = key("counter");
        Processes.call(runtime, p -> p.call(new Set(store, counter, "0")));
        List<Processes.Spawned<Integer>> spawned = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            spawned.add(Processes.spawn(runtime, p -> increment(p, store, counter, each)));
        }
        int increments = 0;
        for (Processes.Spawned<Integer> process : spawned) {
            increments += process.await();
        }
        Entry result = Processes.call(runtime, p -> p.call(new Get(store, counter)));
        assertEquals("after " + increments + " increments", String.valueOf(processes * each), result.string());
        assertEquals(1 + processes * each, result.version());
        DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(WAIT_SECONDS));
    }

    /** Increments the counter {@code times}, each time from a fresh read; returns how many it made. */
    private static int increment(ProcessContext process, String store, String counter, int times) {
        for (int done = 0; done < times; done++) {
            // guide:store-increment
            Entry current = process.call(new Get(store, counter));
            WriteResult result;
            while (!(result = process.call(new CompareAndSet(store, counter, current.version(),
                    String.valueOf(Integer.parseInt(current.string()) + 1)))).written()) {
                current = result.entry(); // another process was first: retry from its value
            }
            // end:store-increment
        }
        return times;
    }

    @Test
    public void ofManyProcessesPuttingIfAbsentExactlyOneWrites() throws Exception {
        for (String store : List.of(MEMORY, SQL)) {
            String key = key("once-" + store);
            List<Processes.Spawned<WriteResult>> spawned = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String value = "writer " + i;
                spawned.add(Processes.spawn(runtime, p -> p.call(new PutIfAbsent(store, key, value))));
            }
            int written = 0;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Processes.Spawned<WriteResult> process : spawned) {
                WriteResult result = process.await();
                written += result.written() ? 1 : 0;
                seen.add(result.entry().string());
            }
            assertEquals(store, 1, written);
            assertEquals("every writer saw the one value: " + seen, 1, seen.size());
        }
    }

    @Test
    public void entriesExpireOnTheClock() throws Exception {
        for (String store : List.of(MEMORY, SQL)) {
            String key = key("ttl-" + store);
            List<Object> seen = Processes.call(runtime, p -> {
                p.call(new Set(store, key, "short-lived", Duration.ofMillis(300)));
                boolean before = p.call(new Has(store, key));
                p.call(new Sleep(Duration.ofMillis(400)));
                Entry after = p.call(new Get(store, key));
                int listed = p.call(ListEntries.first(store, key, 10)).entries().size();
                return List.of(before, after == null ? "gone" : after, listed);
            });
            assertEquals(store, List.of(true, "gone", 0), seen);
        }
    }

    @Test
    public void badInputFailsItsYieldAndTheProcessLivesOn() throws Exception {
        List<String> codes = Processes.call(runtime, p -> {
            List<String> failures = new ArrayList<>();
            for (Runnable bad : List.<Runnable>of(
                    () -> p.call(new Get("no-such-store", "k")),
                    () -> p.call(new Set(SQL, key("big"), "x".repeat(MAX_VALUE_BYTES + 1))),
                    () -> p.call(new Set(MEMORY, key("ttl"), "x", Duration.ofSeconds(-1))),
                    () -> p.call(new Set(SQL, key("ttl"), "x", Duration.ofDays(10_000))),
                    () -> p.call(new CompareAndSet(SQL, key("missing"), 1, "x")),
                    () -> p.call(new CompareAndSet(MEMORY, key("missing"), 1, "x")),
                    () -> p.call(new Set(ORPHAN, key("k"), "x")))) {
                try {
                    bad.run();
                    failures.add("no error");
                } catch (DispatchException e) {
                    failures.add(e.code());
                }
            }
            failures.add(p.call(new Set(SQL, key("after"), "fine")).string());
            return failures;
        });
        assertEquals(List.of(StoreFailure.UNKNOWN_STORE, StoreFailure.TOO_LARGE, DispatchException.INVALID_ARGUMENT,
                DispatchException.INVALID_ARGUMENT, StoreFailure.NOT_FOUND, StoreFailure.NOT_FOUND,
                StoreFailure.UNAVAILABLE, "fine"), codes);
        assertFalse("nothing was half-written", Processes.call(runtime, p -> p.call(new Has(SQL, key("big")))));
    }

    @Test
    public void aDefaultMemoryStoreExistsWithoutConfiguration() throws Exception {
        Entry entry = Processes.call(runtime, p -> {
            p.call(new Set("default", key("d"), new byte[] {4, 2}));
            return p.call(new Get("default", key("d")));
        });
        assertEquals(2, entry.bytes().length);
    }

    /**
     * Restarts the runtime under the store: the store, the sql module (the datasource closes with
     * its pool) and the core (the process runtime and the registry) stop, and start again.
     */
    @Test
    public void theSqlStoreKeepsItsDataAcrossARestart() throws Exception {
        String key = key("durable");
        Processes.call(runtime, p -> {
            p.call(new Set(SQL, key, "v1"));
            return p.call(new Set(SQL, key, "v2"));
        });
        Bundle store = bundle("dispatch.module.store");
        Bundle sql = bundle("dispatch.module.sql");
        Bundle core = bundle("dispatch.core");
        store.stop();
        Services.awaitGone(context, DataSource.class, "(name=" + datasource() + ")", sql::stop);
        assertNull("the pool is closed", context.getServiceReference(DataSource.class));
        core.stop();
        assertNull("the runtime is gone", context.getServiceReference(ProcessRuntime.class));
        core.start();
        sql.start();
        Services.await(context, DataSource.class, "(name=" + datasource() + ")");
        store.start();
        awaitReady();
        runtime = Services.await(context, ProcessRuntime.class, null);
        awaitStore(SQL);
        Entry entry = Processes.call(runtime, p -> p.call(new Get(SQL, key)));
        assertEquals("v2", entry.string());
        assertEquals(2, entry.version());
        assertTrue(Processes.call(runtime, p -> p.call(new Has(SQL, key))));
    }
}
