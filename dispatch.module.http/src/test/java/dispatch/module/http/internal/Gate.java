package dispatch.module.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route that holds every request until the test lets it through, so that a test sees how many
 * requests the module has at the server at once: each arrival releases {@link #arrived}, each
 * request waits for a permit of {@link #proceed}, and {@link #highest} is the most seen at once.
 */
final class Gate implements HttpHandler {

    final AtomicInteger current = new AtomicInteger();
    final AtomicInteger highest = new AtomicInteger();
    final Semaphore arrived = new Semaphore(0);
    final Semaphore proceed = new Semaphore(0);
    /** The query strings of the requests, in the order they arrived. */
    final List<String> order = Collections.synchronizedList(new ArrayList<>());
    private final int status;
    private final boolean echoQuery;

    /** Answers with {@code status}, and with the request's query as the body when {@code echoQuery}. */
    Gate(int status, boolean echoQuery) {
        this.status = status;
        this.echoQuery = echoQuery;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        highest.accumulateAndGet(current.incrementAndGet(), Math::max);
        String query = exchange.getRequestURI().getQuery();
        order.add(query);
        arrived.release();
        try {
            proceed.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.decrementAndGet();
        TestServer.send(exchange, status, echoQuery ? query.getBytes(StandardCharsets.UTF_8) : new byte[0]);
    }
}
