package dispatch.module.http.internal;

import dispatch.testing.YieldProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw TCP server on 127.0.0.1 that reads a request head, optionally sends a response head
 * (and the start of a body it never finishes), and then only waits for the client to close
 * the connection: the server's own view of an aborted request. Each accepted connection is
 * one {@link Connection}.
 */
final class HangingServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String prefix;
    private final BlockingQueue<Connection> arrived = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    /** @param prefix what to send after the request head, e.g. a status line, headers and part of a body; may be empty */
    HangingServer(String prefix) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.prefix = prefix;
        this.acceptor = new Thread(this::accept, "hanging-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** The next connection whose request head arrived, waiting at most the test timeout. */
    Connection nextRequest() throws InterruptedException {
        Connection connection = arrived.poll(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("no request arrived within " + YieldProbe.WAIT.toSeconds() + " s");
        }
        return connection;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread reader = new Thread(() -> serve(client), "hanging-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) TimeUnit.SECONDS.toMillis(YieldProbe.WAIT.toSeconds()));
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (!prefix.isEmpty()) {
                client.getOutputStream().write(prefix.getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
            }
            Connection connection = new Connection(head);
            arrived.add(connection);
            try {
                while (in.read() >= 0) {
                    // a GET sends nothing more: anything here is ignored
                }
                connection.closed.complete("closed");
            } catch (SocketTimeoutException e) {
                connection.closed.complete("still open after " + YieldProbe.WAIT.toSeconds() + " s");
            } catch (IOException e) {
                connection.closed.complete("closed"); // reset by the client
            }
        } catch (IOException e) {
            // the client went away before its head was read
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** One accepted request. */
    static final class Connection {
        final String head;
        final java.util.concurrent.CompletableFuture<String> closed = new java.util.concurrent.CompletableFuture<>();

        Connection(String head) {
            this.head = head;
        }

        /** Waits until the client closed the connection; fails the test if it stays open. */
        void awaitClosedByClient() throws Exception {
            String how = closed.get(YieldProbe.WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            if (!how.equals("closed")) {
                throw new AssertionError("the client did not close the connection: " + how);
            }
        }
    }
}
