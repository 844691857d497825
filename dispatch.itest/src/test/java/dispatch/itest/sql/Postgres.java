package dispatch.itest.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * Where the PostgreSQL suite finds its server: environment variables {@code DISPATCH_PG_URL},
 * {@code DISPATCH_PG_USER}, {@code DISPATCH_PG_PASSWORD} (what {@code .ci/postgres} prints),
 * by default the database that script creates on 127.0.0.1:5432. {@code DISPATCH_PG_REQUIRED=true}
 * (set by CI) turns an unreachable server from a skip into a failure.
 */
public final class Postgres {

    public static final String URL = env("DISPATCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/dispatch_test");
    public static final String USER = env("DISPATCH_PG_USER", "dispatch");
    public static final String PASSWORD = env("DISPATCH_PG_PASSWORD", "dispatch-test");
    public static final boolean REQUIRED = Boolean.parseBoolean(env("DISPATCH_PG_REQUIRED", "false"));

    private Postgres() {
    }

    /** Why the suite cannot run, or {@code null} when the server answers on loopback. */
    public static String unavailable() {
        URI uri;
        try {
            uri = URI.create(URL.substring("jdbc:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return "DISPATCH_PG_URL is not a PostgreSQL JDBC URL: " + URL;
        }
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        try {
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                return "the PostgreSQL tests only use a server on loopback, not " + host;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2_000);
            }
            return null;
        } catch (IOException e) {
            return "no PostgreSQL server reachable at " + host + ":" + port + " (" + e.getMessage()
                    + "); start one with .ci/postgres (as root) or set DISPATCH_PG_URL/USER/PASSWORD";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
