package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;

import dispatch.module.http.HttpFailure;
import dispatch.module.http.RedirectPolicy;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import dispatch.testing.YieldProbe;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Redirects are followed by the module: counted, capped, method rules, credentials, host rules per hop. */
public class RedirectTest extends ModuleTestSupport {

    private TestServer server;

    @Before
    public void setUp() throws Exception {
        server = new TestServer().echo("/echo");
        start(Map.of("max.redirects", 3));
    }

    @After
    public void tearDown() throws Exception {
        server.close();
    }

    @Test
    public void aRedirectIsFollowedToTheFinalResponse() throws Exception {
        server.redirect("/old", 301, "/hop").redirect("/hop", 302, server.url("/echo?via=hop"));
        Response response = call(Request.get(server.url("/old")).build());
        assertEquals(200, response.status());
        assertEquals(2, response.redirects());
        assertEquals(URI.create(server.url("/echo?via=hop")), response.uri());
        assertEquals("via=hop", response.header("X-Echo-Query").orElseThrow());
    }

    @Test
    public void policyNeverReturnsTheRedirectItself() throws Exception {
        server.redirect("/old", 302, "/echo");
        Response response = call(Request.get(server.url("/old")).redirects(RedirectPolicy.NEVER).build());
        assertEquals(302, response.status());
        assertEquals("/echo", response.header("Location").orElseThrow());
        assertEquals("moved to /echo", response.text());
        assertEquals(0, response.redirects());
    }

    @Test
    public void seeOtherTurnsAPostIntoAGetWithoutBody() throws Exception {
        server.redirect("/form", 303, "/echo");
        Response response = call(Request.post(server.url("/form")).text("payload").build());
        assertEquals("GET", response.header("X-Echo-Method").orElseThrow());
        assertEquals("", response.text());
    }

    @Test
    public void temporaryRedirectRepeatsMethodAndBody() throws Exception {
        server.redirect("/put", 307, "/echo").redirect("/post", 308, "/echo");
        Response put = call(Request.put(server.url("/put")).text("same bytes").build());
        assertEquals("PUT", put.header("X-Echo-Method").orElseThrow());
        assertEquals("same bytes", put.text());
        Response post = call(Request.post(server.url("/post")).formField("a", "1").build());
        assertEquals("POST", post.header("X-Echo-Method").orElseThrow());
        assertEquals("a=1", post.text());
    }

    @Test
    public void moreRedirectsThanAllowedFail() throws Exception {
        AtomicInteger hops = new AtomicInteger();
        server.route("/loop", exchange -> {
            hops.incrementAndGet();
            exchange.getResponseHeaders().add("Location", "/loop");
            TestServer.send(exchange, 302, new byte[0]);
        });
        YieldProbe yield = dispatch(Request.get(server.url("/loop")).build());
        HttpFailure failure = failure(yield, HttpFailure.Kind.TOO_MANY_REDIRECTS);
        assertThat(failure.getMessage(), containsString("more than 3 redirects"));
        assertEquals("http-too-many-redirects", failure.code());
        assertEquals("the first request and 3 redirects", 4, hops.get());
        yield.assertCompletedOnce();
    }

    @Test
    public void credentialsDoNotFollowARedirectToAnotherOrigin() throws Exception {
        try (TestServer other = new TestServer().echo("/echo")) {
            server.redirect("/same", 302, "/echo").redirect("/away", 302, other.url("/echo"));
            Response same = call(Request.get(server.url("/same")).basicAuth("a", "b").header("Cookie", "c=1").build());
            assertEquals("Basic YTpi", same.header("X-Echo-Authorization").orElseThrow());
            Response away = call(Request.get(server.url("/away")).basicAuth("a", "b").header("Cookie", "c=1")
                    .header("X-Kept", "yes").build());
            assertEquals(URI.create(other.url("/echo")), away.uri());
            assertFalse(away.header("X-Echo-Authorization").isPresent());
            assertFalse(away.header("X-Echo-Cookie").isPresent());
            assertEquals("yes", away.header("X-Echo-X-kept").orElseThrow());
        }
    }

    @Test
    public void everyHopIsCheckedAgainstTheHostRules() throws Exception {
        start(Map.of("denied.hosts", new String[] {"localhost"}));
        server.redirect("/sneaky", 302, "http://localhost:" + server.port() + "/echo");
        YieldProbe yield = dispatch(Request.get(server.url("/sneaky")).build());
        HttpFailure failure = failure(yield, HttpFailure.Kind.DENIED_HOST);
        assertThat(failure.getMessage(), containsString("localhost"));
    }

    @Test
    public void aRedirectToAnUnsupportedSchemeFails() throws Exception {
        server.redirect("/ftp", 302, "ftp://127.0.0.1/file");
        YieldProbe yield = dispatch(Request.get(server.url("/ftp")).build());
        HttpFailure failure = failure(yield, HttpFailure.Kind.IO);
        assertThat(failure.getMessage(), containsString("only http and https"));
    }
}
