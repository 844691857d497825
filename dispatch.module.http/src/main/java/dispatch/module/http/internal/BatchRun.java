package dispatch.module.http.internal;

import dispatch.api.process.Outcome;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests of one batch, at most {@code concurrency} at a time, each recorded at its own
 * index; {@link #result()} completes when the last one did. Cancelling it cancels the
 * requests in flight and starts no more.
 */
final class BatchRun {

    private final Engine engine;
    private final List<Request> requests;
    private final Outcome<Response>[] outcomes;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger remaining;
    private final Set<Exchange> running = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<List<Outcome<Response>>> result = new CompletableFuture<>();

    @SuppressWarnings("unchecked")
    BatchRun(Engine engine, List<Request> requests) {
        this.engine = engine;
        this.requests = requests;
        this.outcomes = (Outcome<Response>[]) new Outcome<?>[requests.size()];
        this.remaining = new AtomicInteger(requests.size());
    }

    CompletableFuture<List<Outcome<Response>>> result() {
        return result;
    }

    /** Starts the first {@code concurrency} requests. */
    BatchRun start(int concurrency) {
        if (requests.isEmpty()) {
            result.complete(List.of());
            return this;
        }
        for (int i = 0; i < concurrency && !result.isDone(); i++) {
            if (!pump()) {
                break;
            }
        }
        return this;
    }

    void cancel() {
        if (result.cancel(false)) {
            for (Exchange exchange : running) {
                exchange.cancel();
            }
        }
    }

    /**
     * Takes one lane: starts the next request, and goes on with the one after it whenever a
     * request finishes at once (an invalid one), so that a run of those costs a loop, not a
     * deeper stack.
     *
     * @return {@code false} when no request was left to start
     */
    private boolean pump() {
        while (true) {
            int index = next.getAndIncrement();
            if (index >= outcomes.length || result.isDone()) {
                return false;
            }
            Exchange exchange = engine.start(requests.get(index));
            CompletableFuture<Response> done = exchange.result();
            if (done.isDone()) {
                record(index, done);
                continue;
            }
            running.add(exchange);
            if (result.isDone()) {
                exchange.cancel(); // cancelled meanwhile: cancel() may have missed this one
            }
            done.whenComplete((response, error) -> {
                running.remove(exchange);
                record(index, done);
                pump();
            });
            return true;
        }
    }

    private void record(int index, CompletableFuture<Response> done) {
        Outcome<Response> outcome;
        try {
            outcome = new Outcome<>(done.join(), null);
        } catch (CancellationException | CompletionException e) {
            outcome = new Outcome<>(null, Failures.unwrap(e));
        }
        outcomes[index] = outcome;
        if (remaining.decrementAndGet() == 0) {
            result.complete(Collections.unmodifiableList(Arrays.asList(outcomes)));
        }
    }
}
