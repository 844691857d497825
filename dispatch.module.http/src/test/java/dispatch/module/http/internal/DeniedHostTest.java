package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import dispatch.module.http.HttpFailure;
import dispatch.module.http.HttpFailure.Kind;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import dispatch.testing.YieldProbe;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Host rules through the module: a denied request never reaches the server. */
public class DeniedHostTest extends ModuleTestSupport {

    private TestServer server;
    private final AtomicInteger hits = new AtomicInteger();

    @Before
    public void setUp() throws Exception {
        server = new TestServer().route("/count", exchange -> {
            hits.incrementAndGet();
            TestServer.send(exchange, 200, new byte[0]);
        });
    }

    @After
    public void tearDown() throws Exception {
        server.close();
    }

    private HttpFailure denied(String url) throws Exception {
        YieldProbe yield = dispatch(Request.get(url).build());
        HttpFailure failure = failure(yield, Kind.DENIED_HOST);
        assertEquals("http-denied-host", failure.code());
        yield.assertCompletedOnce();
        return failure;
    }

    @Test
    public void denyingInternalAddressesDeniesLoopbackByAddressAndByName() throws Exception {
        start(Map.of("deny.private.addresses", true));
        assertThat(denied(server.url("/count")).getMessage(), containsString("internal address 127.0.0.1"));
        assertThat(denied("http://localhost:" + server.port() + "/count").getMessage(), containsString("host localhost"));
        assertThat(denied("http://[::1]:" + server.port() + "/count").getMessage(), containsString("internal address"));
        assertEquals(0, hits.get());
    }

    @Test
    public void anExplicitlyAllowedInternalHostIsServed() throws Exception {
        start(Map.of("deny.private.addresses", true, "allowed.hosts", new String[] {"127.0.0.1"}));
        Response response = dispatch(Request.get(server.url("/count")).build()).value();
        assertEquals(200, response.status());
        // Allowing an address allows that address only (a name is judged by what it resolves to).
        denied("http://[::1]:" + server.port() + "/count");
        assertEquals(1, hits.get());
    }

    @Test
    public void theDenyListTakesRangesAndNames() throws Exception {
        start(Map.of("denied.hosts", new String[] {"127.0.0.0/8"}));
        assertThat(denied(server.url("/count")).getMessage(), containsString("rule 127.0.0.0/8"));
        // With a range rule names get resolved, but not a name the name rules deny already.
        start(Map.of("denied.hosts", new String[] {"*.example.invalid", "127.0.0.1/32"}));
        denied("http://api.example.invalid/");
        denied(server.url("/count"));
        assertEquals(0, hits.get());
    }

    @Test
    public void anAllowListExcludesEverythingElse() throws Exception {
        start(Map.of("allowed.hosts", new String[] {"api.example.invalid"}));
        assertThat(denied(server.url("/count")).getMessage(), containsString("not among the allowed hosts"));
        assertEquals(0, hits.get());
    }

    @Test
    public void anUnresolvableNameIsAnUnknownHostWhenTheRulesNeedItsAddress() throws Exception {
        start(Map.of("deny.private.addresses", true));
        HttpFailure failure = failure(dispatch(Request.get("http://no-such-host.invalid/").build()), Kind.UNKNOWN_HOST);
        assertThat(failure.getMessage(), containsString("no-such-host.invalid"));
    }
}
