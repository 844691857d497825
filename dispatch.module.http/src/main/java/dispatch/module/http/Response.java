package dispatch.module.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The response to a {@link Request}, whatever its status. The body was read in full (up to the
 * module's size limit); its array is not copied, so do not change it.
 *
 * @param status    the status code
 * @param headers   the response headers
 * @param body      the body bytes, empty for none
 * @param uri       the URI that answered, after redirects
 * @param version   the protocol version used
 * @param redirects how many redirects were followed
 * @param timing    where the time went
 */
public record Response(int status, HttpHeaders headers, byte[] body, URI uri, HttpClient.Version version,
        int redirects, Timing timing) {

    public Response {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(timing, "timing");
    }

    /**
     * Where the time of a request went, all measured from when the module took the request.
     *
     * @param queued  until the request was allowed to start (module and batch limits)
     * @param headers until the headers of the final response arrived
     * @param total   until the body was complete
     */
    public record Timing(Duration queued, Duration headers, Duration total) {
    }

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The {@code Content-Type}, if any. */
    public Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The charset named by the {@code Content-Type}, UTF-8 when none or an unknown one is named. */
    public Charset charset() {
        return contentType().map(Response::charsetOf).orElse(StandardCharsets.UTF_8);
    }

    /** The body decoded with {@link #charset()}. */
    public String text() {
        return new String(body, charset());
    }

    /** The body decoded with {@code charset}. */
    public String text(Charset charset) {
        return new String(body, charset);
    }

    private static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = trimmed.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    // Value semantics for the body's bytes, which a record compares by identity.
    @Override
    public boolean equals(Object other) {
        return other instanceof Response that && status == that.status && redirects == that.redirects
                && headers.equals(that.headers) && Arrays.equals(body, that.body) && uri.equals(that.uri)
                && version == that.version && timing.equals(that.timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body), uri, version, redirects, timing);
    }

    @Override
    public String toString() {
        return "Response[" + status + " " + uri + ", " + body.length + " bytes, " + version + ", redirects "
                + redirects + ", " + timing.total().toMillis() + " ms]";
    }
}
