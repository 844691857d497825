package dispatch.module.http.internal;

import dispatch.module.http.HttpFailure;
import dispatch.module.http.RedirectPolicy;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * One {@link Request} on its way: waits for a permit, checks the host of every hop, sends,
 * follows redirects itself (so that each hop is counted and checked), and completes
 * {@link #result()} exactly once: with the response, with an {@link HttpFailure}, or by
 * {@link #cancel()}. Whatever ends it also ends what is in flight: the deadline watch, the place in
 * line or the permit, the DNS check, the send and the body.
 *
 * <p>Hop state is written by one callback at a time; each hop starts from the completion of
 * the previous step, which orders the writes.
 */
final class Exchange implements Limiter.Waiter, Deadlines.Watched {

    /** Headers that must not follow a redirect to another origin. */
    private static final Set<String> CREDENTIALS = Set.of("authorization", "cookie", "proxy-authorization");

    private final Engine engine;
    private final Request request;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<Response> result = new CompletableFuture<>();
    private final Limiter.Ticket ticket;
    private long deadline;
    private volatile CompletableFuture<?> inFlight;
    private volatile CappedBody body;

    private volatile URI uri; // volatile as well: a timeout names it from the sweeper thread
    private volatile String method;
    private EncodedBody payload;
    private boolean credentials = true;
    private int redirects;
    private long grantedNanos;
    private long headersNanos;
    private URI next;
    private HttpRequest prepared; // the first hop's request, built when the request was checked

    Exchange(Engine engine, Request request) {
        this.engine = engine;
        this.request = request;
        this.ticket = engine.limiter.new Ticket(this);
    }

    /** Completes with the response or fails; cancelling it aborts the request. */
    CompletableFuture<Response> result() {
        return result;
    }

    /** Aborts the request; its result is then a cancellation. */
    void cancel() {
        result.cancel(false);
    }

    /** Starts the request; fails the result at once for an invalid one. */
    Exchange start() {
        result.whenComplete((response, error) -> cleanUp(error != null));
        try {
            uri = Targets.of(request.url(), request.query());
            method = request.method();
            payload = EncodedBody.of(request.body());
            prepared = build(); // header and method errors show now, before the request takes a place in line
        } catch (HttpFailure failure) {
            result.completeExceptionally(failure);
            return this;
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(new HttpFailure(HttpFailure.Kind.INVALID_REQUEST, what() + ": " + e.getMessage(), e));
            return this;
        }
        deadline = startNanos + engine.settings.timeoutFor(request.timeout()).toNanos();
        engine.deadlines.watch(this);
        if (result.isDone()) {
            engine.deadlines.unwatch(this); // the clean-up may have run before it was watched
            return this;
        }
        switch (engine.limiter.enter(ticket)) {
            case GRANTED -> granted();
            case QUEUED -> { } // granted() comes when a permit frees up
            case REJECTED -> fail(new HttpFailure(HttpFailure.Kind.OVERLOADED,
                    what() + ": " + engine.settings.maxQueued() + " requests are already waiting"));
        }
        return this;
    }

    @Override
    public void granted() {
        grantedNanos = System.nanoTime();
        hop();
    }

    private void hop() {
        if (result.isDone()) {
            return;
        }
        CompletableFuture<Void> check;
        try {
            check = engine.settings.hosts().check(uri.getHost(), engine.executor);
        } catch (RejectedExecutionException e) {
            fail(Failures.moduleStopped());
            return;
        }
        if (!check.isDone()) {
            inFlight = check;
        }
        check.whenComplete((allowed, denied) -> {
            if (denied != null) {
                fail(Failures.of(denied, what()));
            } else {
                send();
            }
        });
    }

    private void send() {
        if (result.isDone()) {
            return;
        }
        HttpRequest httpRequest = prepared;
        prepared = null;
        try {
            if (httpRequest == null) {
                httpRequest = build();
            }
        } catch (IllegalArgumentException e) {
            fail(new HttpFailure(HttpFailure.Kind.INVALID_REQUEST, what() + ": " + e.getMessage(), e));
            return;
        }
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = engine.client.sendAsync(httpRequest, this::bodyFor);
        } catch (RuntimeException e) {
            fail(Failures.of(e, what()));
            return;
        }
        inFlight = sent;
        if (result.isDone()) {
            sent.cancel(true); // cancelled while we sent: the clean-up may not have seen it
            return;
        }
        sent.whenComplete(this::received);
    }

    /** Called by the client when the headers are in: decide whether to keep or only count the body. */
    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        headersNanos = System.nanoTime();
        next = null;
        boolean follow = false;
        if (request.redirects() != RedirectPolicy.NEVER && Targets.isRedirect(info.statusCode())) {
            try {
                next = Targets.location(uri, info.headers());
            } catch (HttpFailure failure) {
                fail(failure);
            }
            follow = next != null && (request.redirects() == RedirectPolicy.ALWAYS
                    || !(uri.getScheme().equals("https") && next.getScheme().equals("http")));
            if (!follow) {
                next = null;
            }
        }
        CappedBody subscriber = new CappedBody(engine.settings.maxResponseBytes(), !follow,
                info.headers().firstValueAsLong("Content-Length").orElse(-1), what());
        body = subscriber;
        if (result.isDone()) {
            subscriber.abort();
        }
        return subscriber;
    }

    private void received(HttpResponse<byte[]> response, Throwable error) {
        inFlight = null;
        if (result.isDone()) {
            return;
        }
        if (error != null) {
            fail(Failures.of(error, what()));
            return;
        }
        if (next == null) {
            long now = System.nanoTime();
            release();
            result.complete(new Response(response.statusCode(), response.headers(), response.body(), uri,
                    response.version(), redirects,
                    new Response.Timing(Duration.ofNanos(grantedNanos - startNanos),
                            Duration.ofNanos(headersNanos - startNanos), Duration.ofNanos(now - startNanos))));
            return;
        }
        if (++redirects > engine.settings.maxRedirects()) {
            fail(new HttpFailure(HttpFailure.Kind.TOO_MANY_REDIRECTS,
                    what() + ": more than " + engine.settings.maxRedirects() + " redirects (next to " + next + ")"));
            return;
        }
        redirect(response.statusCode(), next);
        hop();
    }

    // The method and body rules of browsers and the JDK client: 303 (and 301/302 after a
    // POST) become a GET without body, 307 and 308 repeat the request as it was.
    private void redirect(int status, URI target) {
        boolean toGet = (status == 303 && !method.equals("HEAD"))
                || ((status == 301 || status == 302) && method.equals("POST"));
        if (toGet) {
            method = "GET";
            payload = EncodedBody.NONE;
        }
        if (!Targets.sameOrigin(uri, target)) {
            credentials = false;
        }
        uri = target;
    }

    private HttpRequest build() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, payload.publisher());
        HttpHeaders headers = request.headers();
        headers.map().forEach((name, values) -> {
            if (payload.contentType() != null && name.equalsIgnoreCase("Content-Type")) {
                return; // the encoding's own type wins: a multipart boundary must match
            }
            if (!credentials && CREDENTIALS.contains(name.toLowerCase(Locale.ROOT))) {
                return;
            }
            for (String value : values) {
                builder.header(name, value);
            }
        });
        if (payload.contentType() != null) {
            builder.header("Content-Type", payload.contentType());
        }
        return builder.build();
    }

    private void fail(Throwable failure) {
        if (!result.isDone()) {
            release();
            result.completeExceptionally(failure);
        }
    }

    /**
     * Gives back the place in line or the permit, and stops watching the deadline. Done before the result
     * completes, so that whoever the result wakes (the next request of a batch, another
     * process) finds the permit free; the completion's own clean-up repeats it harmlessly.
     */
    private void release() {
        engine.deadlines.unwatch(this);
        ticket.close();
    }

    @Override
    public long deadline() {
        return deadline;
    }

    @Override
    public void expire() {
        fail(new HttpFailure(HttpFailure.Kind.TIMEOUT, what() + ": no complete response within "
                + engine.settings.timeoutFor(request.timeout()).toMillis() + " ms"));
    }

    private void cleanUp(boolean abort) {
        release();
        if (abort) {
            CompletableFuture<?> current = inFlight;
            if (current != null) {
                current.cancel(true);
            }
            CappedBody reading = body;
            if (reading != null) {
                reading.abort();
            }
        }
    }

    private String what() {
        return method + " " + (uri == null ? request.url() : uri.toString());
    }
}
