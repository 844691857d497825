package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.module.http.Body;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Requests against a real server on 127.0.0.1: methods, headers, query, bodies, charsets. */
public class RequestTest extends ModuleTestSupport {

    private TestServer server;

    @Before
    public void setUp() throws Exception {
        server = new TestServer().echo("/echo");
        start();
    }

    @After
    public void tearDown() throws Exception {
        server.close();
    }

    @Test
    public void getCarriesHeadersAndEncodedQueryParameters() throws Exception {
        Response response = call(Request.get(server.url("/echo?fixed=1"))
                .header("X-Test", "one").header("x-test", "two").header("Accept", "text/plain")
                .query("name", "a b&c").query("empty", "").query("ü", "ö")
                .build());
        assertEquals(200, response.status());
        assertTrue(response.isSuccessful());
        assertEquals("GET", response.header("X-Echo-Method").orElseThrow());
        assertEquals("fixed=1&name=a%20b%26c&empty=&%C3%BC=%C3%B6", response.header("X-Echo-Query").orElseThrow());
        assertEquals(java.util.List.of("one", "two"), response.headers().allValues("X-Echo-X-test"));
        assertEquals("text/plain", response.header("X-Echo-Accept").orElseThrow());
        assertEquals(0, response.body().length);
        assertEquals(0, response.redirects());
        assertEquals(URI.create(server.url("/echo?fixed=1&name=a%20b%26c&empty=&%C3%BC=%C3%B6")), response.uri());
        assertTrue(response.timing().total().compareTo(response.timing().headers()) >= 0);
        assertTrue(response.timing().headers().compareTo(response.timing().queued()) >= 0);
    }

    @Test
    public void everyMethodArrivesAsSent() throws Exception {
        for (String method : new String[] {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
            Response response = call(Request.builder(method, server.url("/echo")).build());
            assertEquals(method, response.header("X-Echo-Method").orElseThrow());
        }
        Response head = call(Request.builder("head", server.url("/echo")).build());
        assertEquals("HEAD", head.header("X-Echo-Method").orElseThrow());
        assertEquals(0, head.body().length);
    }

    @Test
    public void textAndBytesBodiesArriveWithTheirContentType() throws Exception {
        Response text = call(Request.post(server.url("/echo")).text("grüße").build());
        assertEquals("grüße", text.text());
        assertEquals("text/plain; charset=UTF-8", text.header("X-Echo-Content-type").orElseThrow());

        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        Response raw = call(Request.put(server.url("/echo")).bytes(bytes, "application/octet-stream").build());
        assertArrayEquals(bytes, raw.body());
        assertEquals("application/octet-stream", raw.header("X-Echo-Content-type").orElseThrow());
        assertEquals("4", raw.header("X-Echo-Content-length").orElseThrow());

        Response json = call(Request.post(server.url("/echo")).json("{\"a\":1}").build());
        assertEquals("{\"a\":1}", json.text());
        assertEquals("application/json; charset=UTF-8", json.header("X-Echo-Content-type").orElseThrow());
    }

    @Test
    public void aFormIsUrlEncoded() throws Exception {
        Response response = call(Request.post(server.url("/echo"))
                .formField("user", "ann smith").formField("note", "1+1=2 & more").formField("user", "bob")
                .build());
        assertEquals("application/x-www-form-urlencoded", response.header("X-Echo-Content-type").orElseThrow());
        assertEquals("user=ann%20smith&note=1%2B1%3D2%20%26%20more&user=bob", response.text());
    }

    @Test
    public void multipartCarriesFieldsAndFiles() throws Exception {
        Path file = Files.createTempFile("dispatch-http", ".txt");
        try {
            Files.writeString(file, "from disk");
            byte[] binary = {(byte) 0xCA, (byte) 0xFE, 0, '\r', '\n'};
            Response response = call(Request.post(server.url("/echo"))
                    .field("ti\"tle", "a \"quoted\" title")
                    .file("upload", "data.bin", "application/octet-stream", binary)
                    .file("disk", file)
                    .build());
            String contentType = response.header("X-Echo-Content-type").orElseThrow();
            assertThat(contentType, startsWith("multipart/form-data; boundary="));
            String boundary = contentType.substring(contentType.indexOf('=') + 1);
            String body = new String(response.body(), StandardCharsets.ISO_8859_1);
            String expected = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"ti%22tle\"\r\n\r\n"
                    + "a \"quoted\" title\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"upload\"; filename=\"data.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n"
                    + new String(binary, StandardCharsets.ISO_8859_1) + "\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"disk\"; filename=\"" + file.getFileName() + "\"\r\n"
                    + "Content-Type: " + Body.Part.file("disk", file).contentType() + "\r\n\r\n"
                    + "from disk\r\n"
                    + "--" + boundary + "--\r\n";
            assertEquals(expected, body);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void basicAuthSendsTheAuthorizationHeader() throws Exception {
        Response response = call(Request.get(server.url("/echo")).basicAuth("ann", "sécret").build());
        String expected = "Basic " + Base64.getEncoder().encodeToString("ann:sécret".getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, response.header("X-Echo-Authorization").orElseThrow());
    }

    @Test
    public void statusesAreResponsesAndTextFollowsTheCharset() throws Exception {
        server.route("/latin", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=ISO-8859-1");
            TestServer.send(exchange, 503, "café".getBytes(StandardCharsets.ISO_8859_1));
        });
        Response response = call(Request.get(server.url("/latin")).build());
        assertEquals(503, response.status());
        assertFalse(response.isSuccessful());
        assertEquals(StandardCharsets.ISO_8859_1, response.charset());
        assertEquals("café", response.text());
        assertEquals(4, response.body().length);
    }

    @Test
    public void aBodyWithoutLengthIsReadToTheEnd() throws Exception {
        byte[] big = new byte[300_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        server.route("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked
            try (var out = exchange.getResponseBody()) {
                for (int offset = 0; offset < big.length; offset += 10_000) {
                    out.write(big, offset, 10_000);
                }
            }
        });
        assertArrayEquals(big, call(Request.get(server.url("/chunked")).build()).body());
    }

    @Test
    public void http11OnlyConfigurationWorksToo() throws Exception {
        start(Map.of("http.version", "HTTP_1_1"));
        Response response = call(Request.get(server.url("/echo")).build());
        assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, response.version());
        assertFalse(response.headers().firstValue("X-Echo-Upgrade").isPresent());
    }

    @Test
    public void theResponseDescribesItselfBriefly() throws Exception {
        Response response = call(Request.post(server.url("/echo")).text("x".repeat(1000)).build());
        assertThat(response.toString(), containsString("1000 bytes"));
        assertThat(response.toString(), containsString("200 " + server.url("/echo")));
    }
}
