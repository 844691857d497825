package dispatch.module.http.internal;

import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The http module without OSGi: threads, the current {@link Engine}, and the yields being
 * served. {@link HttpDispatcher} creates it when the component activates and closes it when it
 * deactivates.
 */
final class HttpModule implements AutoCloseable {

    final Set<PendingYield> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    private final Deadlines deadlines;
    private volatile Engine engine;
    private volatile boolean closed;

    HttpModule(Settings settings) {
        // The client's callbacks and DNS checks; idle threads go away after a minute.
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemons("dispatch-http-"));
        this.deadlines = new Deadlines("dispatch-http-deadlines");
        this.engine = new Engine(settings, executor, deadlines);
    }

    /** Applies a new configuration to requests started from now on. */
    void reconfigure(Settings settings) {
        engine = new Engine(settings, executor, deadlines);
    }

    Engine engine() {
        return engine;
    }

    boolean isClosed() {
        return closed;
    }

    /** Completes the yield with the result of {@code work} unless it is cancelled first, which runs {@code abort}. */
    void serve(YieldContext context, long tag, ResultReceiver receiver, CompletableFuture<?> work, Runnable abort) {
        new PendingYield(this, context, tag, receiver, work, abort).watch();
    }

    /** Aborts every request; their yields get a {@code module-left} error. */
    @Override
    public void close() {
        closed = true;
        for (PendingYield yield : pending) {
            yield.moduleLeft();
        }
        deadlines.close();
        executor.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
