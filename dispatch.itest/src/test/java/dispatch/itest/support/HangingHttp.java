package dispatch.itest.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server on 127.0.0.1 that takes a request head and never answers; it only waits
 * for the client to close the connection. That close is what an aborted request looks like
 * from the server: a test sees it through {@link Connection#awaitClosedByClient()}.
 */
public final class HangingHttp implements AutoCloseable {

    private static final long WAIT_SECONDS = Services.TIMEOUT_MILLIS / 1000;

    private final ServerSocket socket;
    private final BlockingQueue<Connection> arrived = new LinkedBlockingQueue<>();

    public HangingHttp() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "hanging-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** The next connection whose request head arrived. */
    public Connection nextRequest() throws InterruptedException {
        Connection connection = arrived.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("no request arrived within " + WAIT_SECONDS + " s");
        }
        return connection;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread reader = new Thread(() -> serve(client), "hanging-http-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            InputStream in = client.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.append((char) b);
            }
            Connection connection = new Connection(head.toString());
            arrived.add(connection);
            try {
                while (in.read() >= 0) {
                    // nothing more is expected
                }
                connection.closed.complete("closed");
            } catch (SocketTimeoutException e) {
                connection.closed.complete("still open after " + WAIT_SECONDS + " s");
            } catch (IOException e) {
                connection.closed.complete("closed"); // reset
            }
        } catch (IOException e) {
            // gone before the head was read
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One request that reached the server. */
    public static final class Connection {
        public final String head;
        final CompletableFuture<String> closed = new CompletableFuture<>();

        Connection(String head) {
            this.head = head;
        }

        /** Waits until the client closed the connection, failing if it stays open. */
        public void awaitClosedByClient() throws Exception {
            String how = closed.get(WAIT_SECONDS + 5, TimeUnit.SECONDS);
            if (!how.equals("closed")) {
                throw new AssertionError("the client did not close the connection: " + how);
            }
        }
    }
}
