package dispatch.module.http;

import dispatch.api.Command;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request (command ID {@value #ID}); completes with a {@link Response} or fails with an
 * {@link HttpFailure}. Build it with {@link #get(String)}, {@link #post(String)} or
 * {@link #builder(String, String)}:
 *
 * <pre>{@code
 * Response response = context.call(Request.post("https://example.org/items")
 *         .header("Accept", "application/json")
 *         .query("dry-run", "true")
 *         .json("{\"name\":\"x\"}")
 *         .timeout(Duration.ofSeconds(5))
 *         .build());
 * }</pre>
 *
 * <p>The URL is checked by the module, not here: a malformed URL, a scheme other than
 * {@code http}/{@code https} or a header the client may not set (such as {@code Host}) is an
 * {@link HttpFailure.Kind#INVALID_REQUEST} error result.
 *
 * @param method    the method, e.g. {@code GET}
 * @param url       the absolute URL; {@link #query()} is appended to its query
 * @param query     query parameters, encoded by the module
 * @param headers   request headers
 * @param body      the body, {@link Body#EMPTY} for none
 * @param timeout   the time the whole request may take (queueing, redirects and the body
 *                  included), or {@code null} for the module's default
 * @param redirects whether redirects are followed
 */
public record Request(String method, String url, List<Param> query, HttpHeaders headers, Body body,
        Duration timeout, RedirectPolicy redirects) implements Command<Response> {

    /** The command ID of a request. */
    public static final int ID = 60;

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        query = List.copyOf(query);
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(redirects, "redirects");
    }

    @Override
    public int id() {
        return ID;
    }

    /** A builder of a {@code GET}. */
    public static Builder get(String url) {
        return new Builder("GET", url);
    }

    /** A builder of a {@code POST}. */
    public static Builder post(String url) {
        return new Builder("POST", url);
    }

    /** A builder of a {@code PUT}. */
    public static Builder put(String url) {
        return new Builder("PUT", url);
    }

    /** A builder of a {@code DELETE}. */
    public static Builder delete(String url) {
        return new Builder("DELETE", url);
    }

    /** A builder of a request with any method, e.g. {@code PATCH} or {@code HEAD}. */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
        Builder builder = new Builder(method, url);
        builder.query.addAll(query);
        headers.map().forEach((name, values) -> builder.headers.put(name, new ArrayList<>(values)));
        builder.body = body;
        builder.timeout = timeout;
        builder.redirects = redirects;
        return builder;
    }

    /** Builds a {@link Request}; not thread-safe. */
    public static final class Builder {

        private final String method;
        private final String url;
        private final List<Param> query = new ArrayList<>();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private Body body = Body.EMPTY;
        private Duration timeout;
        private RedirectPolicy redirects = RedirectPolicy.NORMAL;

        Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.url = Objects.requireNonNull(url, "url");
        }

        /** Adds a header value (headers may repeat). */
        public Builder header(String name, String value) {
            Objects.requireNonNull(value, "value");
            headers.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Sets a header, replacing its values. */
        public Builder setHeader(String name, String value) {
            Objects.requireNonNull(value, "value");
            headers.put(key(name), new ArrayList<>(List.of(value)));
            return this;
        }

        /** Adds a query parameter. */
        public Builder query(String name, String value) {
            query.add(Param.of(name, value));
            return this;
        }

        /** Adds query parameters in the map's order. */
        public Builder query(Map<String, String> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        /** Sets {@code Authorization: Basic ...}; dropped when a redirect leaves the origin. */
        public Builder basicAuth(String user, String password) {
            String token = Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return setHeader("Authorization", "Basic " + token);
        }

        /** Sets the body. */
        public Builder body(Body body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Sets raw bytes as the body (not copied). */
        public Builder bytes(byte[] data, String contentType) {
            return body(new Body.Bytes(data, contentType));
        }

        /** Sets UTF-8 {@code text/plain} as the body. */
        public Builder text(String text) {
            return body(Body.text(text, "text/plain", StandardCharsets.UTF_8));
        }

        /** Sets UTF-8 {@code application/json} as the body. */
        public Builder json(String json) {
            return body(Body.text(json, "application/json", StandardCharsets.UTF_8));
        }

        /** Adds a field of an {@code application/x-www-form-urlencoded} body. */
        public Builder formField(String name, String value) {
            List<Param> fields = new ArrayList<>(body instanceof Body.Form form ? form.fields() : this.<Param>emptyOr("form"));
            fields.add(Param.of(name, value));
            return body(new Body.Form(fields));
        }

        /** Adds a part of a {@code multipart/form-data} body. */
        public Builder part(Body.Part part) {
            List<Body.Part> parts = new ArrayList<>(
                    body instanceof Body.Multipart multipart ? multipart.parts() : this.<Body.Part>emptyOr("multipart"));
            parts.add(Objects.requireNonNull(part, "part"));
            return body(new Body.Multipart(parts));
        }

        /** Adds a text field of a multipart body. */
        public Builder field(String name, String value) {
            return part(Body.Part.field(name, value));
        }

        /** Adds a file from memory to a multipart body. */
        public Builder file(String name, String filename, String contentType, byte[] data) {
            return part(Body.Part.file(name, filename, contentType, data));
        }

        /** Adds a file read now from disk to a multipart body; see {@link Body.Part#file(String, Path)}. */
        public Builder file(String name, Path file) {
            return part(Body.Part.file(name, file));
        }

        /** How long the whole request may take; the module's maximum still applies. */
        public Builder timeout(Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Whether redirects are followed; {@link RedirectPolicy#NORMAL} by default. */
        public Builder redirects(RedirectPolicy redirects) {
            this.redirects = Objects.requireNonNull(redirects, "redirects");
            return this;
        }

        public Request build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return new Request(method, url, query, HttpHeaders.of(copy, (name, value) -> true), body, timeout,
                    redirects);
        }

        private <T> List<T> emptyOr(String kind) {
            if (!(body instanceof Body.Empty)) {
                throw new IllegalStateException("the body is already " + body + ", not a " + kind + " body");
            }
            return List.of();
        }

        // One spelling per header name, so that setHeader replaces whatever case was used before.
        private String key(String name) {
            Objects.requireNonNull(name, "name");
            for (String existing : headers.keySet()) {
                if (existing.equalsIgnoreCase(name)) {
                    return existing;
                }
            }
            return name;
        }
    }
}
