package dispatch.module.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.module.store.Get;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import dispatch.testing.YieldProbe;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.After;
import org.junit.Test;

/**
 * The module as DS builds it, outside a framework: stores from definitions, datasources by name,
 * the bounded JDBC threads and what stopping does to work still queued.
 */
public class StoreDispatcherTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch connecting = new CountDownLatch(1);
    private final StoreDispatcher module = new StoreDispatcher(60_000, 1, 1, System::currentTimeMillis);
    private final Map<Integer, Handler> handlers = new HashMap<>();

    public StoreDispatcherTest() {
        module.registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    @After
    public void stop() {
        release.countDown();
        module.deactivate();
    }

    private YieldProbe send(Command<?> command) {
        return new YieldProbe().yieldTo(handlers.get(command.id()), command);
    }

    /** An H2 database in memory whose first connection waits until the test releases it. */
    private DataSource heldDataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dispatcher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connecting.countDown();
                        assertTrue(release.await(20, TimeUnit.SECONDS));
                    }
                    try {
                        return method.invoke(h2, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    public void definitionsAndDataSourcesComeAndGo() {
        module.addDefinition(new StoreDefinition(StoreSettings.memory("m")));
        assertEquals(1, send(new Set("m", "k", "v")).<dispatch.module.store.Entry>value().version());
        StoreDefinition sql = new StoreDefinition(StoreSettings.sql("q", "db", "kv"));
        module.addDefinition(sql);
        assertEquals(StoreFailure.UNAVAILABLE, send(new Get("q", "k")).error(StoreFailure.class).code());
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dispatcher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        module.addDataSource(h2, Map.of("name", "db"));
        assertNull(send(new Get("q", "k")).value());
        module.removeDataSource(h2);
        assertEquals(StoreFailure.UNAVAILABLE, send(new Get("q", "k")).error(StoreFailure.class).code());
        module.removeDefinition(sql);
        assertEquals(StoreFailure.UNKNOWN_STORE, send(new Get("q", "k")).error(StoreFailure.class).code());
        assertFalse("a bad configuration is refused, not half-built",
                tryDefine(new StoreSettings("bad", "disk", 1, 1, 1, "", "")));
        assertEquals(StoreFailure.UNKNOWN_STORE, send(new Get("bad", "k")).error(StoreFailure.class).code());
    }

    private boolean tryDefine(StoreSettings settings) {
        module.addDefinition(new StoreDefinition(settings));
        return module.stores().containsKey(settings.name());
    }

    @Test
    public void fullJdbcThreadsAreOverloadedAndStoppingFailsWhatWaits() throws Exception {
        module.addDataSource(heldDataSource(), Map.of("name", "db"));
        module.addDefinition(new StoreDefinition(StoreSettings.sql("q", "db", "kv")));
        YieldProbe running = send(new Set("q", "k", "v"));
        assertTrue(connecting.await(20, TimeUnit.SECONDS));
        YieldProbe queued = send(new Get("q", "k"));
        YieldProbe refused = send(new Get("q", "k"));
        assertEquals(StoreFailure.OVERLOADED, refused.error(StoreFailure.class).code());
        module.deactivate();
        assertEquals(DispatchException.MODULE_LEFT, queued.error(StoreFailure.class).code());
        queued.assertCompletedOnce();
        release.countDown();
        assertEquals("the running write finishes", 1, running.<dispatch.module.store.Entry>value().version());
        assertEquals(DispatchException.MODULE_LEFT, send(new Get("q", "k")).error(StoreFailure.class).code());
    }
}
