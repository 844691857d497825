package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.api.process.Outcome;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.HttpFailure.Kind;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import dispatch.module.http.Response;
import dispatch.testing.YieldProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Batches: order, mixed failures, the concurrency cap as the server sees it, limits. */
public class BatchTest extends ModuleTestSupport {

    private TestServer server;

    @Before
    public void setUp() throws Exception {
        server = new TestServer().echo("/echo");
        start(Map.of("max.response.bytes", 1_000L, "max.batch.size", 50, "max.batch.concurrency", 4));
    }

    @After
    public void tearDown() throws Exception {
        server.close();
    }

    @Test
    public void outcomesComeInRequestOrderEachWithItsOwnSuccessOrFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        server.route("/big", exchange -> TestServer.send(exchange, 200, new byte[5_000]));
        server.route("/missing", exchange -> TestServer.send(exchange, 404, new byte[0]));
        List<Request> requests = List.of(
                Request.get(server.url("/echo?n=0")).build(),
                Request.get("http://127.0.0.1:" + closedPort + "/").build(),
                Request.get("nonsense").build(),
                Request.get(server.url("/big")).build(),
                Request.get(server.url("/missing")).build(),
                Request.post(server.url("/echo?n=5")).text("five").build());
        YieldProbe yield = dispatch(RequestBatch.of(requests).withConcurrency(3));
        List<Outcome<Response>> outcomes = yield.value();
        yield.assertCompletedOnce();

        assertEquals(6, outcomes.size());
        assertEquals("n=0", outcomes.get(0).get().header("X-Echo-Query").orElseThrow());
        assertEquals(Kind.REFUSED, kindOf(outcomes.get(1)));
        assertEquals(Kind.INVALID_REQUEST, kindOf(outcomes.get(2)));
        assertEquals(Kind.TOO_LARGE, kindOf(outcomes.get(3)));
        assertEquals(404, outcomes.get(4).get().status());
        assertEquals("five", outcomes.get(5).get().text());
        assertNull(outcomes.get(1).value());
    }

    private static Kind kindOf(Outcome<Response> outcome) {
        assertFalse("expected a failure, got " + outcome.value(), outcome.succeeded());
        return ((HttpFailure) outcome.error()).kind();
    }

    @Test
    public void theServerNeverSeesMoreThanTheBatchConcurrency() throws Exception {
        Gate gate = new Gate(200, true);
        server.route("/gate", gate);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(Request.get(server.url("/gate?" + i)).build());
        }
        YieldProbe yield = dispatch(RequestBatch.of(requests).withConcurrency(3));

        assertTrue(gate.arrived.tryAcquire(3, YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertFalse("a fourth request reached the server", gate.arrived.tryAcquire(1, 200, TimeUnit.MILLISECONDS));
        // Let them through one at a time: each finished request lets exactly one more in.
        for (int i = 3; i < 12; i++) {
            gate.proceed.release();
            assertTrue(gate.arrived.tryAcquire(1, YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
            assertTrue("at most 3 at once, saw " + gate.current.get(), gate.current.get() <= 3);
        }
        gate.proceed.release(3);
        List<Outcome<Response>> outcomes = yield.value();
        assertEquals(3, gate.highest.get());
        for (int i = 0; i < 12; i++) {
            assertEquals(String.valueOf(i), outcomes.get(i).get().text());
        }
        assertEquals("started in request order", "[0, 1, 2]", sorted(gate.order.subList(0, 3)).toString());
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    @Test
    public void aBatchAsksForMoreConcurrencyThanAllowedAndGetsTheModuleMaximum() throws Exception {
        Gate gate = new Gate(204, false);
        server.route("/gate", gate);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(Request.get(server.url("/gate")).build());
        }
        YieldProbe yield = dispatch(RequestBatch.of(requests).withConcurrency(100));
        assertTrue(gate.arrived.tryAcquire(4, YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertFalse("a fifth request reached the server", gate.arrived.tryAcquire(1, 200, TimeUnit.MILLISECONDS));
        gate.proceed.release(8);
        List<Outcome<Response>> outcomes = yield.value();
        assertEquals(8, outcomes.size());
        assertEquals(4, gate.highest.get());
    }

    @Test
    public void anEmptyBatchCompletesWithNoOutcomes() throws Exception {
        List<Outcome<Response>> outcomes = dispatch(RequestBatch.of()).value();
        assertTrue(outcomes.isEmpty());
    }

    @Test
    public void aBatchOfInvalidRequestsOnlyCompletesWithTheirFailures() throws Exception {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(Request.get("bad url " + i).build());
        }
        YieldProbe yield = dispatch(RequestBatch.of(requests).withConcurrency(1));
        List<Outcome<Response>> outcomes = yield.value();
        yield.assertCompletedOnce();
        for (int i = 0; i < 50; i++) {
            assertThat(outcomes.get(i).error().getMessage(), containsString("bad url " + i));
        }
    }

    @Test
    public void aBatchOverTheSizeLimitFailsAsAWhole() throws Exception {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            requests.add(Request.get(server.url("/echo")).build());
        }
        HttpFailure failure = failure(dispatch(RequestBatch.of(requests)), Kind.INVALID_REQUEST);
        assertThat(failure.getMessage(), containsString("51 requests is more than the limit of 50"));
    }
}
