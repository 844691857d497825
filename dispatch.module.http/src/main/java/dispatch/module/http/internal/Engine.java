package dispatch.module.http.internal;

import dispatch.module.http.Request;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;

/**
 * One configuration at work: the client built for it, its settings and its limiter. A new
 * configuration gets a new engine; requests already running finish on the old one, which is
 * then dropped (the JDK 17 client has nothing to close).
 */
final class Engine {

    final Settings settings;
    final HttpClient client;
    final Limiter limiter;
    final ExecutorService executor;
    final Deadlines deadlines;

    Engine(Settings settings, ExecutorService executor, Deadlines deadlines) {
        this.settings = settings;
        this.executor = executor;
        this.deadlines = deadlines;
        this.limiter = new Limiter(settings.maxConcurrent(), settings.maxQueued(), executor);
        // Redirects are followed by Exchange, which counts and checks every hop.
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(settings.version())
                .build();
    }

    /** Starts a request. */
    Exchange start(Request request) {
        return new Exchange(this, request).start();
    }
}
