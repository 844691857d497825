package dispatch.itest.karaf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-request HTTP server on 127.0.0.1, with nothing but java.net: inside Karaf the probe
 * cannot count on the JDK's com.sun.net.httpserver being exported. Answers one GET with a
 * fixed body and stops; an accept that waits longer than the timeout gives up.
 */
final class LoopbackHttp implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;

    LoopbackHttp(String body, int timeoutMillis) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(timeoutMillis);
        thread = new Thread(() -> answerOnce(body), "loopback-http");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    private void answerOnce(String body) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request line and headers; a GET has no body
            }
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
        } catch (IOException closedOrTimedOut) {
            // the test fails on its own missing result
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
