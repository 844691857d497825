package dispatch.module.http;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import dispatch.api.DispatchException;
import dispatch.api.IdRange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The exported command and result types on their own. */
public class CommandsTest {

    @Test
    public void idsLieInTheHttpRange() {
        assertEquals(60, Request.get("http://x").build().id());
        assertEquals(61, RequestBatch.of().id());
        assertEquals(IdRange.HTTP, IdRange.of(Request.ID).orElseThrow());
        assertEquals(IdRange.HTTP, IdRange.of(RequestBatch.ID).orElseThrow());
    }

    @Test
    public void theBuilderKeepsOneSpellingPerHeaderAndCopiesWhatItGets() {
        Request request = Request.builder("patch", "http://x/y")
                .header("X-A", "1").header("x-a", "2").setHeader("Accept", "a").setHeader("ACCEPT", "b")
                .query(Map.of("q", "1"))
                .timeout(Duration.ofSeconds(3)).redirects(RedirectPolicy.ALWAYS)
                .build();
        assertEquals("PATCH", request.method());
        assertEquals(List.of("1", "2"), request.headers().allValues("x-A"));
        assertEquals(List.of("b"), request.headers().allValues("accept"));
        assertEquals(List.of(Param.of("q", "1")), request.query());
        Request copy = request.toBuilder().header("X-B", "3").build();
        assertEquals(List.of("3"), copy.headers().allValues("X-B"));
        assertEquals(List.of(), request.headers().allValues("X-B"));
        assertEquals(request.timeout(), copy.timeout());
        assertEquals(RedirectPolicy.ALWAYS, copy.redirects());
    }

    @Test
    public void bodiesDoNotMix() {
        assertThrows(IllegalStateException.class, () -> Request.post("http://x").text("a").formField("b", "c"));
        assertThrows(IllegalStateException.class, () -> Request.post("http://x").formField("b", "c").field("d", "e"));
        Body.Form form = (Body.Form) Request.post("http://x").formField("a", "1").formField("a", "2").build().body();
        assertEquals(List.of(Param.of("a", "1"), Param.of("a", "2")), form.fields());
        assertThrows(IllegalArgumentException.class, () -> Request.get("http://x").timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RequestBatch.of().withConcurrency(-1));
    }

    @Test
    public void failuresCarryAKindAndAStableCode() {
        assertEquals(DispatchException.INVALID_ARGUMENT, new HttpFailure(HttpFailure.Kind.INVALID_REQUEST, "x").code());
        assertEquals(DispatchException.TIMEOUT, HttpFailure.Kind.TIMEOUT.code());
        assertEquals("http-too-large", HttpFailure.Kind.TOO_LARGE.code());
        assertEquals("http-denied-host", HttpFailure.Kind.DENIED_HOST.code());
        assertEquals("HttpFailure[REFUSED]: no", new HttpFailure(HttpFailure.Kind.REFUSED, "no").toString());
    }

    @Test
    public void responsesCompareByContent() {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("text/plain;charset=\"utf-16\"")), (a, b) -> true);
        Response.Timing timing = new Response.Timing(Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(2));
        byte[] body = "hi".getBytes(StandardCharsets.UTF_16);
        Response one = new Response(200, headers, body, URI.create("http://x/"), HttpClient.Version.HTTP_1_1, 0, timing);
        Response two = new Response(200, headers, body.clone(), URI.create("http://x/"), HttpClient.Version.HTTP_1_1, 0, timing);
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertNotEquals(one, new Response(201, headers, body, one.uri(), one.version(), 0, timing));
        assertEquals(StandardCharsets.UTF_16, one.charset());
        assertEquals("hi", one.text());
        assertArrayEquals(body, one.body());
    }
}
