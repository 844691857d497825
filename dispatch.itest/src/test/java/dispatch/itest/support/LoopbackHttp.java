package dispatch.itest.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link HttpServer} on 127.0.0.1, started by a test inside the framework (the native
 * container shares the test's JVM; the framework must export {@code com.sun.net.httpserver},
 * see {@link DispatchOptions#loopbackHttp()}). Every exchange runs on its own thread, so that a
 * handler may block on a latch; closing the server interrupts those.
 */
public final class LoopbackHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    public LoopbackHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} + path. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** Serves {@code path} (and below) with {@code handler}; the exchange is closed afterwards. */
    public LoopbackHttp route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /**
     * Answers with the request's body, and {@code X-Echo-Method}, {@code X-Echo-Query} (raw) and
     * one {@code X-Echo-<Header>} per request header (names as the JDK server spells them).
     */
    public LoopbackHttp echo(String path) {
        return route(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Echo-Method", exchange.getRequestMethod());
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("X-Echo-Query", query == null ? "" : query);
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    exchange.getResponseHeaders().add("X-Echo-" + header.getKey(), value);
                }
            }
            send(exchange, 200, body);
        });
    }

    /** Answers {@code status} with {@code Location: location}. */
    public LoopbackHttp redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", location);
            send(exchange, status, new byte[0]);
        });
    }

    /** Sends a complete response; no body for HEAD or an empty one. */
    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        server.stop(0);
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
