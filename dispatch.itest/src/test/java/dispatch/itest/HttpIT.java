package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.Dispatcher;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Outcome;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.HangingHttp;
import dispatch.itest.support.LoopbackHttp;
import dispatch.itest.support.Processes;
import dispatch.itest.support.Services;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.HttpFailure.Kind;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import dispatch.module.http.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The http module in a real Felix, driven by real processes against servers on 127.0.0.1
 * that the test starts. Its configuration goes through ConfigAdmin (PID {@code dispatch.http})
 * and is reset after every test.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpIT extends DispatchTestSupport {

    private static final String PID = "dispatch.http";
    private static final String HTTP_DISPATCHER = "(" + Dispatcher.MODULE_PROPERTY + "=http)";

    private ProcessRuntime runtime;
    private LoopbackHttp server;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DispatchOptions.runtime(), DispatchOptions.loopbackHttp());
    }

    @Before
    public void setUp() throws Exception {
        awaitReady();
        runtime = Services.await(context, ProcessRuntime.class, null);
        server = new LoopbackHttp().echo("/echo");
    }

    @After
    public void tearDown() throws Exception {
        server.close();
        resetHttpConfiguration();
    }

    private <T> T inProcess(Processes.Body<T> body) throws Exception {
        return Processes.call(runtime, body);
    }

    private HttpFailure failureInProcess(Request request) throws Exception {
        Throwable error = Processes.spawn(runtime, context -> context.call(request)).awaitFailure();
        if (!(error instanceof HttpFailure failure)) {
            throw new AssertionError("expected an HttpFailure, got " + error, error);
        }
        return failure;
    }

    @Test
    public void theModuleIsAnActiveComponentWithItsCommandsRegistered() throws Exception {
        ServiceComponentRuntime scr = Services.await(context, ServiceComponentRuntime.class, null);
        ComponentDescriptionDTO description = scr.getComponentDescriptionDTOs(bundle("dispatch.module.http")).iterator().next();
        assertEquals(List.of(PID), List.of(description.configurationPid));
        for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
            assertEquals(ComponentConfigurationDTO.ACTIVE, configuration.state);
        }
        String commands = shell("dispatch:commands");
        assertThat(commands, containsString("Request"));
        assertThat(commands, containsString("RequestBatch"));
    }

    @Test
    public void aProcessSendsMethodsHeadersQueryAndBodies() throws Exception {
        List<Response> responses = inProcess(context -> List.of(
                context.call(Request.get(server.url("/echo")).query("q", "a b").header("X-Trace", "t1").build()),
                context.call(Request.post(server.url("/echo")).text("grüße").build()),
                context.call(Request.put(server.url("/echo")).bytes(new byte[] {1, 2, 3}, "application/octet-stream").build()),
                context.call(Request.post(server.url("/echo")).formField("name", "ann smith").formField("n", "1+1").build()),
                context.call(Request.post(server.url("/echo")).field("title", "t").file("f", "a.txt", "text/plain",
                        "file body".getBytes(StandardCharsets.UTF_8)).build()),
                context.call(Request.delete(server.url("/echo")).basicAuth("ann", "pw").build()),
                context.call(Request.builder("HEAD", server.url("/echo")).build())));

        Response get = responses.get(0);
        assertEquals(200, get.status());
        assertEquals("GET", get.header("X-Echo-Method").orElseThrow());
        assertEquals("q=a%20b", get.header("X-Echo-Query").orElseThrow());
        assertEquals("t1", get.header("X-Echo-X-trace").orElseThrow());
        assertEquals("grüße", responses.get(1).text());
        assertEquals("text/plain; charset=UTF-8", responses.get(1).header("X-Echo-Content-type").orElseThrow());
        assertEquals(3, responses.get(2).body().length);
        assertEquals("PUT", responses.get(2).header("X-Echo-Method").orElseThrow());
        assertEquals("name=ann%20smith&n=1%2B1", responses.get(3).text());
        assertThat(responses.get(4).header("X-Echo-Content-type").orElseThrow(), startsWith("multipart/form-data; boundary="));
        assertThat(responses.get(4).text(), containsString("filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n"));
        assertEquals("Basic YW5uOnB3", responses.get(5).header("X-Echo-Authorization").orElseThrow());
        assertEquals("HEAD", responses.get(6).header("X-Echo-Method").orElseThrow());
    }

    @Test
    public void redirectsAreFollowedUpToTheConfiguredMaximum() throws Exception {
        configureHttp(Map.of("max.redirects", 2));
        server.redirect("/one", 302, "/two").redirect("/two", 301, "/echo?arrived=yes").redirect("/zero", 302, "/one");
        Response followed = inProcess(context -> context.call(Request.get(server.url("/one")).build()));
        assertEquals(2, followed.redirects());
        assertEquals("arrived=yes", followed.header("X-Echo-Query").orElseThrow());
        HttpFailure tooMany = failureInProcess(Request.get(server.url("/zero")).build());
        assertEquals(Kind.TOO_MANY_REDIRECTS, tooMany.kind());
        assertThat(tooMany.getMessage(), containsString("more than 2 redirects"));
    }

    @Test
    public void aSlowServerTimesOut() throws Exception {
        try (HangingHttp hanging = new HangingHttp()) {
            HttpFailure failure = failureInProcess(Request.get(hanging.url("/slow")).timeout(Duration.ofSeconds(1)).build());
            assertEquals(Kind.TIMEOUT, failure.kind());
            assertEquals(DispatchException.TIMEOUT, failure.code());
            hanging.nextRequest().awaitClosedByClient();
        }
    }

    @Test
    public void aResponseOverTheConfiguredCapFailsAndTheModuleStaysRegistered() throws Exception {
        long serviceId = (Long) Services.awaitReference(context, Dispatcher.class, HTTP_DISPATCHER).getProperty("service.id");
        configureHttp(Map.of("max.response.bytes", 1_000L));
        ServiceReference<?> reconfigured = Services.awaitReference(context, Dispatcher.class, HTTP_DISPATCHER);
        assertEquals("reconfigured in place, not re-registered", serviceId, reconfigured.getProperty("service.id"));

        server.route("/big", exchange -> LoopbackHttp.send(exchange, 200, new byte[5_000]));
        server.route("/small", exchange -> LoopbackHttp.send(exchange, 200, new byte[1_000]));
        HttpFailure failure = failureInProcess(Request.get(server.url("/big")).build());
        assertEquals(Kind.TOO_LARGE, failure.kind());
        assertThat(failure.getMessage(), containsString("limit of 1000 bytes"));
        assertEquals(1_000, inProcess(context -> context.call(Request.get(server.url("/small")).build())).body().length);
    }

    @Test
    public void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpFailure failure = failureInProcess(Request.get("http://127.0.0.1:" + port + "/").build());
        assertEquals(Kind.REFUSED, failure.kind());
        assertEquals("http-refused", failure.code());
    }

    @Test
    public void aBatchKeepsRequestOrderWithMixedFailures() throws Exception {
        configureHttp(Map.of("max.response.bytes", 100L));
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        server.route("/big", exchange -> LoopbackHttp.send(exchange, 200, new byte[500]));
        server.route("/gone", exchange -> LoopbackHttp.send(exchange, 410, new byte[0]));
        List<Outcome<Response>> outcomes = inProcess(context -> context.call(RequestBatch.of(
                Request.get(server.url("/echo?i=0")).build(),
                Request.get("http://127.0.0.1:" + closedPort + "/").build(),
                Request.get(server.url("/big")).build(),
                Request.get("mailto:someone").build(),
                Request.get(server.url("/gone")).build(),
                Request.get(server.url("/echo?i=5")).build()).withConcurrency(2)));
        assertEquals(6, outcomes.size());
        assertEquals("i=0", outcomes.get(0).get().header("X-Echo-Query").orElseThrow());
        assertEquals(Kind.REFUSED, ((HttpFailure) outcomes.get(1).error()).kind());
        assertEquals(Kind.TOO_LARGE, ((HttpFailure) outcomes.get(2).error()).kind());
        assertEquals(Kind.INVALID_REQUEST, ((HttpFailure) outcomes.get(3).error()).kind());
        assertEquals(410, outcomes.get(4).get().status());
        assertEquals("i=5", outcomes.get(5).get().header("X-Echo-Query").orElseThrow());
    }

    @Test
    public void theServerNeverSeesMoreThanTheBatchCap() throws Exception {
        AtomicInteger current = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();
        Semaphore arrived = new Semaphore(0);
        Semaphore proceed = new Semaphore(0);
        server.route("/gate", exchange -> {
            highest.accumulateAndGet(current.incrementAndGet(), Math::max);
            arrived.release();
            try {
                proceed.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.decrementAndGet();
            LoopbackHttp.send(exchange, 200, exchange.getRequestURI().getQuery().getBytes(StandardCharsets.UTF_8));
        });
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(Request.get(server.url("/gate?" + i)).build());
        }
        Processes.Spawned<List<Outcome<Response>>> process =
                Processes.spawn(runtime, context -> context.call(RequestBatch.of(requests).withConcurrency(3)));
        assertTrue(arrived.tryAcquire(3, Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        assertFalse("a fourth request reached the server", arrived.tryAcquire(1, 200, TimeUnit.MILLISECONDS));
        for (int i = 3; i < 10; i++) {
            proceed.release();
            assertTrue(arrived.tryAcquire(1, Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS));
        }
        proceed.release(3);
        List<Outcome<Response>> outcomes = process.await();
        assertEquals(3, highest.get());
        for (int i = 0; i < 10; i++) {
            assertEquals(String.valueOf(i), outcomes.get(i).get().text());
        }
    }

    /** Yields a request and a batch in one step and finishes when both results are in. */
    static final class StepClient implements StepProcess {
        private final String url;
        private final CompletableFuture<Map<String, Object>> results;
        private final Map<String, Object> byName = new HashMap<>();
        private long requestTag;
        private long batchTag;

        StepClient(String url, CompletableFuture<Map<String, Object>> results) {
            this.url = url;
            this.results = results;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            if (requestTag == 0) {
                requestTag = output.yield(Request.get(url + "?from=step").build());
                batchTag = output.yield(RequestBatch.of(Request.get(url + "?n=1").build(), Request.get(url + "?n=2").build()));
                return Status.WAIT;
            }
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                String name = event.isResultOf(requestTag) ? "request" : event.isResultOf(batchTag) ? "batch" : "other";
                byName.put(name, event.failed() ? event.error() : event.value());
            }
            if (byName.size() == 2) {
                results.complete(byName);
                return Status.DONE;
            }
            return Status.WAIT;
        }
    }

    @Test
    public void aStepProcessYieldsARequestAndABatchAtOnce() throws Exception {
        CompletableFuture<Map<String, Object>> results = new CompletableFuture<>();
        runtime.spawn(new StepClient(server.url("/echo"), results));
        Map<String, Object> byName = results.get(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        assertEquals("from=step", ((Response) byName.get("request")).header("X-Echo-Query").orElseThrow());
        @SuppressWarnings("unchecked")
        List<Outcome<Response>> batch = (List<Outcome<Response>>) byName.get("batch");
        assertEquals("n=1", batch.get(0).get().header("X-Echo-Query").orElseThrow());
        assertEquals("n=2", batch.get(1).get().header("X-Echo-Query").orElseThrow());
    }

    @Test
    public void aYieldDeadlineAbortsTheRequestAtTheServer() throws Exception {
        try (HangingHttp hanging = new HangingHttp()) {
            Throwable error = Processes.spawn(runtime,
                    context -> context.call(Request.get(hanging.url("/deadline")).build(), Duration.ofMillis(500)))
                    .awaitFailure();
            assertEquals(DispatchException.TIMEOUT, ((DispatchException) error).code());
            assertFalse("the runtime's deadline, not the module's timeout", error instanceof HttpFailure);
            hanging.nextRequest().awaitClosedByClient();
        }
    }

    @Test
    public void terminatingTheProcessAbortsItsRequestsAtTheServer() throws Exception {
        try (HangingHttp hanging = new HangingHttp()) {
            Processes.Spawned<Object> single = Processes.spawn(runtime,
                    context -> context.call(Request.get(hanging.url("/single")).build()));
            HangingHttp.Connection first = hanging.nextRequest();
            Processes.Spawned<Object> batch = Processes.spawn(runtime, context -> context.call(RequestBatch.of(
                    Request.get(hanging.url("/a")).build(), Request.get(hanging.url("/b")).build())));
            HangingHttp.Connection second = hanging.nextRequest();
            HangingHttp.Connection third = hanging.nextRequest();

            assertTrue(runtime.terminate(single.pid(), "test"));
            assertTrue(runtime.terminate(batch.pid(), "test"));
            first.awaitClosedByClient();
            second.awaitClosedByClient();
            third.awaitClosedByClient();
            assertEquals(ExitReason.Kind.TERMINATED, exitOf(single.pid()).kind());
            assertEquals(ExitReason.Kind.TERMINATED, exitOf(batch.pid()).kind());
        }
    }

    @Test
    public void stoppingTheModuleFailsItsRequestsAndClosesTheirConnections() throws Exception {
        try (HangingHttp hanging = new HangingHttp()) {
            Processes.Spawned<Object> process = Processes.spawn(runtime,
                    context -> context.call(Request.get(hanging.url("/pending")).build()));
            HangingHttp.Connection connection = hanging.nextRequest();
            org.osgi.framework.Bundle http = bundle("dispatch.module.http");
            try {
                http.stop();
                Throwable error = process.awaitFailure();
                assertEquals(DispatchException.MODULE_LEFT, ((DispatchException) error).code());
                connection.awaitClosedByClient();
            } finally {
                http.start();
                awaitReady();
            }
        }
        assertEquals(200, inProcess(context -> context.call(Request.get(server.url("/echo")).build())).status());
    }

    private ExitReason exitOf(long pid) throws Exception {
        return runtime.exitOf(pid).orElseThrow().toCompletableFuture().get(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Test
    public void internalAddressesAreDeniedWhenConfigured() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        server.route("/count", exchange -> {
            hits.incrementAndGet();
            LoopbackHttp.send(exchange, 200, new byte[0]);
        });
        configureHttp(Map.of("deny.private.addresses", true));
        HttpFailure failure = failureInProcess(Request.get(server.url("/count")).build());
        assertEquals(Kind.DENIED_HOST, failure.kind());
        assertThat(failure.getMessage(), containsString("internal address 127.0.0.1"));
        HttpFailure byName = failureInProcess(Request.get("http://localhost:" + server.port() + "/count").build());
        assertEquals(Kind.DENIED_HOST, byName.kind());

        configureHttp(Map.of("deny.private.addresses", true, "allowed.hosts", new String[] {"127.0.0.1"}));
        assertEquals(200, inProcess(context -> context.call(Request.get(server.url("/count")).build())).status());
        assertEquals(1, hits.get());
    }

    /** Applies an http configuration and waits until the component runs with it. */
    private void configureHttp(Map<String, ?> properties) throws Exception {
        String marker = UUID.randomUUID().toString();
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        dictionary.put("test.marker", marker);
        configAdmin().getConfiguration(PID, "?").update(dictionary);
        Services.awaitReference(context, Dispatcher.class, "(&" + HTTP_DISPATCHER + "(test.marker=" + marker + "))");
    }

    private void resetHttpConfiguration() throws Exception {
        org.osgi.service.cm.Configuration[] existing = configAdmin().listConfigurations("(service.pid=" + PID + ")");
        if (existing != null) {
            for (org.osgi.service.cm.Configuration configuration : existing) {
                configuration.delete();
            }
            Services.awaitReference(context, Dispatcher.class, "(&" + HTTP_DISPATCHER + "(!(test.marker=*)))");
        }
    }

    private ConfigurationAdmin configAdmin() {
        return Services.await(context, ConfigurationAdmin.class, null);
    }
}
