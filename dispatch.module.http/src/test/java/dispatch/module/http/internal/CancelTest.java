package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import dispatch.api.DispatchException;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import dispatch.testing.YieldProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Ending a yield ends its request, and the server sees it: the connection is closed by the
 * client. A cancelled yield is never completed.
 */
public class CancelTest extends ModuleTestSupport {

    @Test
    public void cancellingWhileWaitingForTheResponseClosesTheConnection() throws Exception {
        start();
        try (HangingServer server = new HangingServer("")) {
            YieldProbe yield = dispatch(Request.get(server.url("/wait")).build());
            HangingServer.Connection connection = server.nextRequest();
            assertThat(connection.head, startsWith("GET /wait HTTP/1.1"));
            yield.cancel();
            connection.awaitClosedByClient();
            yield.assertNeverCompleted();
        }
    }

    @Test
    public void cancellingWhileTheBodyStreamsClosesTheConnection() throws Exception {
        start();
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\nthe first bytes of many";
        try (HangingServer server = new HangingServer(head)) {
            YieldProbe yield = dispatch(Request.get(server.url("/body")).build());
            HangingServer.Connection connection = server.nextRequest();
            yield.cancel();
            connection.awaitClosedByClient();
            yield.assertNeverCompleted();
        }
    }

    @Test
    public void aTimeoutClosesTheConnection() throws Exception {
        start(Map.of("http.version", "HTTP_1_1"));
        try (HangingServer server = new HangingServer("")) {
            // Long enough for a cold client to connect first: the server must see the request to see it end.
            YieldProbe yield = dispatch(Request.get(server.url("/slow")).timeout(Duration.ofSeconds(2)).build());
            HangingServer.Connection connection = server.nextRequest();
            assertEquals(DispatchException.TIMEOUT, failure(yield, HttpFailure.Kind.TIMEOUT).code());
            connection.awaitClosedByClient();
        }
    }

    @Test
    public void cancellingARequestWaitingInLineFreesItsPlace() throws Exception {
        start(Map.of("max.concurrent.requests", 1));
        try (HangingServer server = new HangingServer("")) {
            YieldProbe first = dispatch(Request.get(server.url("/first")).build());
            HangingServer.Connection connection = server.nextRequest();
            YieldProbe waiting = dispatch(Request.get(server.url("/second")).build());
            Limiter limiter = currentLimiter();
            assertEquals(1, limiter.queued());
            waiting.cancel();
            assertEquals(0, limiter.queued());
            assertEquals(1, limiter.active());
            first.cancel();
            connection.awaitClosedByClient();
            assertEquals(0, limiter.active());
            first.assertNeverCompleted();
            waiting.assertNeverCompleted();
        }
    }

    @Test
    public void cancellingABatchClosesEveryConnectionInFlight() throws Exception {
        start();
        try (HangingServer server = new HangingServer("")) {
            YieldProbe yield = dispatch(RequestBatch.of(List.of(
                    Request.get(server.url("/a")).build(),
                    Request.get(server.url("/b")).build(),
                    Request.get(server.url("/c")).build())).withConcurrency(2));
            HangingServer.Connection one = server.nextRequest();
            HangingServer.Connection two = server.nextRequest();
            yield.cancel();
            one.awaitClosedByClient();
            two.awaitClosedByClient();
            yield.assertNeverCompleted();
            assertEquals(0, currentLimiter().active());
        }
    }

    @Test
    public void stoppingTheModuleFailsEveryYieldAndClosesItsConnection() throws Exception {
        start();
        try (HangingServer server = new HangingServer("")) {
            YieldProbe single = dispatch(Request.get(server.url("/single")).build());
            YieldProbe batch = dispatch(RequestBatch.of(Request.get(server.url("/batch")).build()));
            HangingServer.Connection first = server.nextRequest();
            HangingServer.Connection second = server.nextRequest();
            stop();
            assertEquals(DispatchException.MODULE_LEFT, ((DispatchException) single.error()).code());
            assertEquals(DispatchException.MODULE_LEFT, ((DispatchException) batch.error()).code());
            first.awaitClosedByClient();
            second.awaitClosedByClient();
            single.assertCompletedOnce();
            batch.assertCompletedOnce();
        }
    }

    @Test
    public void aFinishedRequestLeavesNoCancelActionBehind() throws Exception {
        start();
        try (TestServer server = new TestServer().echo("/echo")) {
            YieldProbe yield = dispatch(Request.get(server.url("/echo")).build());
            yield.value();
            assertEquals(0, yield.cancelActions());
            assertEquals(0, currentLimiter().active());
        }
    }

    @Test
    public void aYieldCancelledBeforeItsRequestStartsNeverReachesTheServer() throws Exception {
        start(Map.of("max.concurrent.requests", 1));
        try (HangingServer server = new HangingServer("")) {
            YieldProbe blocker = dispatch(Request.get(server.url("/blocker")).build());
            HangingServer.Connection connection = server.nextRequest();
            YieldProbe cancelled = new YieldProbe();
            cancelled.cancel();
            new RequestHandler(module()).handle(cancelled, Request.get(server.url("/never")).build(), cancelled.tag(),
                    cancelled);
            assertEquals(0, currentLimiter().queued());
            blocker.cancel();
            connection.awaitClosedByClient();
            cancelled.assertNeverCompleted();
        }
    }
}
