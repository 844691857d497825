package dispatch.module.http.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A JDK {@link HttpServer} on 127.0.0.1 and a free port, each exchange on its own thread so
 * that a handler may block. Closing it interrupts handlers still blocked.
 */
final class TestServer implements AutoCloseable {

    static {
        // Without it the server's separate writes of head and body wait for a delayed ACK: 40 ms a response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port} + path. */
    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    TestServer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /**
     * Answers with the request: the body as sent, and {@code X-Echo-Method}, {@code X-Echo-Query}
     * (raw) and one {@code X-Echo-<header>} per request header.
     */
    TestServer echo(String path) {
        return route(path, exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Echo-Method", exchange.getRequestMethod());
            String query = exchange.getRequestURI().getRawQuery();
            exchange.getResponseHeaders().add("X-Echo-Query", query == null ? "" : query);
            exchange.getResponseHeaders().add("X-Echo-Path", exchange.getRequestURI().getRawPath());
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    exchange.getResponseHeaders().add("X-Echo-" + header.getKey(), value);
                }
            }
            send(exchange, 200, body);
        });
    }

    /** Answers {@code status} with {@code Location: location}. */
    TestServer redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", location);
            send(exchange, status, ("moved to " + location).getBytes(StandardCharsets.UTF_8));
        });
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=UTF-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow(); // wakes handlers blocked on latches
        server.stop(0);
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
