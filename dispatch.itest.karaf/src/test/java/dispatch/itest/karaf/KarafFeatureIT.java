package dispatch.itest.karaf;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

import dispatch.api.Dispatcher;
import dispatch.api.RuntimeReady;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.module.clock.Sleep;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Subscribe;
import dispatch.module.event.TopicEvent;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.store.Get;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;

/** dispatch as Karaf users get it: the feature from our features repository in a real Karaf 4.4. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafFeatureIT {

    private static final long TIMEOUT_MILLIS = 60_000;

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        String version = System.getProperty("dispatch.version");
        String repository = new File(System.getProperty("dispatch.repo")).toURI().toString();
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.apache.karaf", "apache-karaf", System.getProperty("karaf.version")).type("tar.gz"))
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                // the build's own artifacts, in repository layout, before anything remote
                editConfigurationFileExtend("etc/org.ops4j.pax.url.mvn.cfg",
                        "org.ops4j.pax.url.mvn.defaultRepositories", "," + repository + "@id=dispatch.build@snapshots"),
                // configuration as users write it: etc/<pid>.cfg
                editConfigurationFilePut("etc/dispatch.boot.cfg", "required.modules", "clock, http, sql"),
                editConfigurationFilePut("etc/dispatch.boot.cfg", "timeout.seconds", "20"),
                // a named datasource, as a Karaf user configures one
                editConfigurationFilePut("etc/dispatch.sql.datasource-karaf.cfg", "name", "karafdb"),
                editConfigurationFilePut("etc/dispatch.sql.datasource-karaf.cfg", "url", "jdbc:h2:mem:karafdb;DB_CLOSE_DELAY=-1"),
                editConfigurationFilePut("etc/dispatch.sql.datasource-karaf.cfg", "user", "sa"),
                // the event module's bridge to Karaf's EventAdmin, one topic each way
                editConfigurationFilePut("etc/dispatch.module.event.eventadmin.cfg", "event.topics", "karaf/in"),
                editConfigurationFilePut("etc/dispatch.module.event.eventadmin.cfg", "out.topics", "karaf/out"),
                // a sql store on that datasource: etc/dispatch.store-karaf.cfg
                editConfigurationFilePut("etc/dispatch.store-karaf.cfg", "name", "karafstore"),
                editConfigurationFilePut("etc/dispatch.store-karaf.cfg", "type", "sql"),
                editConfigurationFilePut("etc/dispatch.store-karaf.cfg", "datasource", "karafdb"),
                features(maven("dispatch", "dispatch.features", version).classifier("features").type("xml"), "dispatch"));
    }

    @Test
    public void theFeatureInstallsAndTheRuntimeBecomesReady() throws Exception {
        awaitReady();
        String report = shell("dispatch:boot");
        assertThat(report, containsString("dispatch: READY"));
        assertThat(shell("dispatch:commands"), containsString("ID"));
    }

    @Test
    public void theBootConfigurationComesFromEtc() throws Exception {
        awaitReady();
        // the default lists clock, sql, http: this order can only come from etc/dispatch.boot.cfg
        assertThat(shell("dispatch:boot"), containsString("dispatch: READY (modules: process, clock, http, sql)"));
    }

    @Test
    public void aProcessSleepsQueriesAndCallsHttp() throws Exception {
        awaitReady();
        // the datasource comes from its own configuration, whenever ConfigAdmin delivers it: wait for it
        await(Dispatcher.class, "(" + Dispatcher.MODULE_PROPERTY + "=sql)");
        await(javax.sql.DataSource.class, "(name=karafdb)");
        ProcessRuntime runtime = await(ProcessRuntime.class);
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (LoopbackHttp server = new LoopbackHttp("hello from loopback", (int) TIMEOUT_MILLIS)) {
            long pid = runtime.spawn((BlockingProcess) process -> {
                long start = System.nanoTime();
                process.call(new Sleep(Duration.ofMillis(50)));
                seen.add(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
                Rows rows = process.call(Query.on("karafdb", "SELECT 40 + ? AS answer", 2));
                seen.add(((Number) rows.get(0, 0)).intValue());
                Response response = process.call(Request.get(server.url("/hello")).build());
                seen.add(response.status() + " " + response.text());
            });
            ExitReason exit = runtime.exitOf(pid).orElseThrow().toCompletableFuture()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            assertTrue(exit.toString(), exit.isNormal());
        }
        assertEquals(List.of(true, 42, "200 hello from loopback"), seen);
        assertThat(shell("dispatch:stats"), containsString("yields"));
        assertThat(shell("sql:datasources"), containsString("karafdb"));
    }

    @Test
    public void eventsCrossBetweenProcessesAndKarafsEventAdmin() throws Exception {
        awaitReady();
        await(EventHandler.class, "(component.name=dispatch.module.event.internal.EventAdminBridge)");
        EventAdmin eventAdmin = await(EventAdmin.class);
        ProcessRuntime runtime = await(ProcessRuntime.class);
        BlockingQueue<org.osgi.service.event.Event> handled = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topics = new Hashtable<>();
        topics.put(EventConstants.EVENT_TOPIC, "karaf/out");
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, handled::add, topics);
        CountDownLatch subscribed = new CountDownLatch(1);
        List<Object> seen = new CopyOnWriteArrayList<>();
        try {
            long pid = runtime.spawn((BlockingProcess) process -> {
                process.call(new Subscribe("karaf/*", 10, Overflow.FAIL_PUBLISH));
                subscribed.countDown();
                TopicEvent in = (TopicEvent) process.receive(Duration.ofMillis(TIMEOUT_MILLIS)).orElseThrow();
                // Karaf's EventAdmin adds a timestamp to the event's properties
                seen.add(in.topic() + " n=" + ((Map<?, ?>) in.payload()).get("n") + " " + in.publisher());
                process.call(new Publish("karaf/out", "hello EventAdmin"));
            });
            assertTrue(subscribed.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
            eventAdmin.postEvent(new org.osgi.service.event.Event("karaf/in", Map.of("n", 1)));
            org.osgi.service.event.Event out = handled.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            assertNotNull("the process's event reached the EventHandler", out);
            assertEquals("hello EventAdmin", out.getProperty(Publish.PAYLOAD_PROPERTY));
            assertEquals(pid, out.getProperty(Publish.PUBLISHER_PROPERTY));
            assertEquals(List.of("karaf/in n=1 0"), seen);
        } finally {
            handler.unregister();
        }
        assertThat(shell("event:topics"), containsString("(all, since start)"));
    }

    @Test
    public void aProcessKeepsStateInTheDefaultAndAConfiguredSqlStore() throws Exception {
        awaitReady();
        await(Dispatcher.class, "(" + Dispatcher.MODULE_PROPERTY + "=store)");
        await(javax.sql.DataSource.class, "(name=karafdb)");
        ProcessRuntime runtime = await(ProcessRuntime.class);
        List<Object> seen = new CopyOnWriteArrayList<>();
        long pid = runtime.spawn((BlockingProcess) process -> {
            process.call(new Set("default", "k", "in memory"));
            seen.add(process.call(new Get("default", "k")).string());
            for (int tries = 1; ; tries++) { // the store comes from etc/ whenever ConfigAdmin delivers it
                try {
                    process.call(new Set("karafstore", "k", "in a table"));
                    break;
                } catch (StoreFailure e) {
                    if (!StoreFailure.UNKNOWN_STORE.equals(e.code()) || tries * 20L > TIMEOUT_MILLIS) {
                        throw e;
                    }
                    process.call(new Sleep(Duration.ofMillis(20)));
                }
            }
            seen.add(process.call(new Get("karafstore", "k")).string());
        });
        ExitReason exit = runtime.exitOf(pid).orElseThrow().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertTrue(exit.toString(), exit.isNormal());
        assertEquals(List.of("in memory", "in a table"), seen);
    }

    private <T> T await(Class<T> type) throws InterruptedException {
        return await(type, null);
    }

    private <T> T await(Class<T> type, String filter) throws InterruptedException {
        ServiceTracker<T, T> tracker;
        try {
            tracker = filter == null ? new ServiceTracker<>(context, type, null) : new ServiceTracker<>(context,
                    org.osgi.framework.FrameworkUtil.createFilter("(&(objectClass=" + type.getName() + ")" + filter + ")"), null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        tracker.open();
        T service = tracker.waitForService(TIMEOUT_MILLIS);
        assertNotNull("no " + type.getSimpleName() + " within " + TIMEOUT_MILLIS + " ms", service);
        return service; // the tracker stays open: the test keeps using the service
    }

    private void awaitReady() throws InterruptedException {
        ServiceTracker<RuntimeReady, RuntimeReady> ready = new ServiceTracker<>(context, RuntimeReady.class, null);
        ready.open();
        try {
            assertNotNull("dispatch not ready within " + TIMEOUT_MILLIS + " ms", ready.waitForService(TIMEOUT_MILLIS));
        } finally {
            ready.close();
        }
    }

    /** Runs a command in a Karaf console session and returns what it printed. */
    private String shell(String command) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
