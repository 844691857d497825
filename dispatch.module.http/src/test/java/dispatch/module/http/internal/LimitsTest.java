package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.HttpFailure.Kind;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import dispatch.testing.YieldProbe;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Timeouts, size cap, refused connections, invalid requests and the module-wide request cap. */
public class LimitsTest extends ModuleTestSupport {

    private TestServer server;
    private final CountDownLatch never = new CountDownLatch(1);

    @Before
    public void setUp() throws Exception {
        server = new TestServer().echo("/echo");
        server.route("/stuck", exchange -> {
            try {
                never.await(); // released by tearDown; the server's close interrupts it too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        start();
    }

    @After
    public void tearDown() throws Exception {
        never.countDown();
        server.close();
    }

    @Test
    public void aRequestThatTakesTooLongTimesOut() throws Exception {
        long start = System.nanoTime();
        YieldProbe yield = dispatch(Request.get(server.url("/stuck")).timeout(Duration.ofMillis(300)).build());
        HttpFailure failure = failure(yield, Kind.TIMEOUT);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(DispatchException.TIMEOUT, failure.code());
        assertThat(failure.getMessage(), containsString("within 300 ms"));
        assertTrue("timed out after " + millis + " ms", millis >= 300 && millis < 10_000);
        yield.assertCompletedOnce();
    }

    @Test
    public void theModuleDefaultAndMaximumTimeoutsApply() throws Exception {
        start(Map.of("request.timeout.millis", 200L, "max.request.timeout.millis", 400L));
        HttpFailure byDefault = failure(dispatch(Request.get(server.url("/stuck")).build()), Kind.TIMEOUT);
        assertThat(byDefault.getMessage(), containsString("within 200 ms"));
        HttpFailure capped = failure(dispatch(Request.get(server.url("/stuck")).timeout(Duration.ofHours(1)).build()),
                Kind.TIMEOUT);
        assertThat(capped.getMessage(), containsString("within 400 ms"));
    }

    @Test
    public void aBodyThatNeverEndsTimesOutToo() throws Exception {
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 1_000);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[10]);
            out.flush();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        failure(dispatch(Request.get(server.url("/trickle")).timeout(Duration.ofMillis(300)).build()), Kind.TIMEOUT);
    }

    @Test
    public void aDeclaredBodyOverTheCapFailsBeforeItIsRead() throws Exception {
        start(Map.of("max.response.bytes", 1_000L));
        server.route("/big", exchange -> TestServer.send(exchange, 200, new byte[1_001]));
        HttpFailure failure = failure(dispatch(Request.get(server.url("/big")).build()), Kind.TOO_LARGE);
        assertThat(failure.getMessage(), containsString("declares 1001 bytes"));
        assertThat(failure.getMessage(), containsString("limit of 1000 bytes"));

        server.route("/fits", exchange -> TestServer.send(exchange, 200, new byte[1_000]));
        Response fits = dispatch(Request.get(server.url("/fits")).build()).value();
        assertEquals(1_000, fits.body().length);
    }

    @Test
    public void aStreamedBodyOverTheCapIsCutOffWhileItStreams() throws Exception {
        start(Map.of("max.response.bytes", 64L * 1024));
        AtomicInteger sentBeforeFailure = new AtomicInteger();
        CountDownLatch serverGaveUp = new CountDownLatch(1);
        server.route("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length to judge by
            byte[] chunk = new byte[8 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                // At most 64 MB: far beyond the cap, so the client must have cut it off.
                for (int i = 0; i < 8 * 1024; i++) {
                    out.write(chunk);
                    out.flush();
                    sentBeforeFailure.addAndGet(chunk.length);
                }
            } catch (java.io.IOException e) {
                serverGaveUp.countDown();
            }
        });
        HttpFailure failure = failure(dispatch(Request.get(server.url("/endless")).build()), Kind.TOO_LARGE);
        assertThat(failure.getMessage(), containsString("sent more than 65536 bytes"));
        assertTrue("the server saw the connection closed", serverGaveUp.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue("sent " + sentBeforeFailure.get(), sentBeforeFailure.get() < 64 * 1024 * 1024);
    }

    @Test
    public void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        YieldProbe yield = dispatch(Request.get("http://127.0.0.1:" + port + "/").build());
        HttpFailure failure = failure(yield, Kind.REFUSED);
        assertEquals("http-refused", failure.code());
        assertThat(failure.getMessage(), containsString("GET http://127.0.0.1:" + port + "/: the connection was refused"));
        yield.assertCompletedOnce();
    }

    @Test
    public void invalidRequestsAreErrorResults() throws Exception {
        assertInvalid(Request.get("not a url").build(), "malformed URL");
        assertInvalid(Request.get("/relative").build(), "not an absolute URL");
        assertInvalid(Request.get("ftp://127.0.0.1/file").build(), "only http and https");
        assertInvalid(Request.get("http://user:pw@127.0.0.1/").build(), "use basicAuth");
        assertInvalid(Request.get(server.url("/echo")).header("Host", "elsewhere").build(), "restricted header name");
        assertInvalid(Request.get(server.url("/echo")).header("Bad Name", "x").build(), "invalid header name");
        assertInvalid(Request.get(server.url("/echo")).header("X-Split", "a\r\nInjected: yes").build(), "invalid header value");
        assertInvalid(Request.builder("GE T", server.url("/echo")).build(), "illegal method");
    }

    private void assertInvalid(Request request, String why) throws Exception {
        YieldProbe yield = dispatch(request);
        HttpFailure failure = failure(yield, Kind.INVALID_REQUEST);
        assertEquals(DispatchException.INVALID_ARGUMENT, failure.code());
        assertThat(failure.getMessage().toLowerCase(java.util.Locale.ROOT), containsString(why.toLowerCase(java.util.Locale.ROOT)));
        yield.assertCompletedOnce();
    }

    @Test
    public void theModuleCapsRequestsInFlightAndQueuesTheRest() throws Exception {
        start(Map.of("max.concurrent.requests", 2));
        Gate gate = new Gate(200, false);
        server.route("/gate", gate);
        YieldProbe[] yields = new YieldProbe[5];
        for (int i = 0; i < yields.length; i++) {
            yields[i] = dispatch(Request.get(server.url("/gate?i=" + i)).build());
        }
        assertTrue(gate.arrived.tryAcquire(2, YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        // A bounded look for a third: with the cap working none comes.
        assertFalse("a third request reached the server", gate.arrived.tryAcquire(1, 200, TimeUnit.MILLISECONDS));
        gate.proceed.release(yields.length);
        for (YieldProbe yield : yields) {
            Response response = yield.value();
            assertEquals(200, response.status());
            yield.assertCompletedOnce();
        }
        assertEquals(2, gate.highest.get());
    }

    @Test
    public void aFullLineIsOverloaded() throws Exception {
        start(Map.of("max.concurrent.requests", 1, "max.queued.requests", 1));
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        server.route("/slow", exchange -> {
            arrived.countDown();
            try {
                proceed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestServer.send(exchange, 200, new byte[0]);
        });
        YieldProbe running = dispatch(Request.get(server.url("/slow")).build());
        assertTrue(arrived.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        YieldProbe waiting = dispatch(Request.get(server.url("/echo")).build());
        YieldProbe rejected = dispatch(Request.get(server.url("/echo")).build());
        HttpFailure failure = failure(rejected, Kind.OVERLOADED);
        assertThat(failure.getMessage(), containsString("1 requests are already waiting"));
        proceed.countDown();
        assertEquals(200, ((Response) running.value()).status());
        Response served = waiting.value();
        assertTrue("queued for a while", served.timing().queued().toNanos() > 0);
    }

    @Test
    public void aNewConfigurationAppliesToTheNextRequests() throws Exception {
        server.route("/big", exchange -> TestServer.send(exchange, 200, new byte[2_000]));
        assertEquals(2_000, ((Response) dispatch(Request.get(server.url("/big")).build()).value()).body().length);
        reconfigure(Map.of("max.response.bytes", 1_000L));
        failure(dispatch(Request.get(server.url("/big")).build()), Kind.TOO_LARGE);
    }
}
