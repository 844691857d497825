package dispatch.module.store.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store handlers over one backend named {@value #STORE}, driven as a worker drives them
 * through {@link YieldProbe}s, on a wall clock the test moves itself.
 */
final class StoreHarness implements AutoCloseable {

    static final String STORE = "s";

    final AtomicLong now = new AtomicLong(1_700_000_000_000L);
    final ExecutorService jdbc = Executors.newFixedThreadPool(8);
    final Stores stores = new Stores(new MemoryStore(Stores.DEFAULT, StoreLimits.DEFAULTS));
    private final Map<Integer, Handler> handlers = new HashMap<>();

    StoreHarness(Backend backend) {
        stores.add("test", backend);
        new StoreEngine(stores, jdbc, now::get).registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    YieldProbe send(Command<?> command) {
        return send(command, false);
    }

    YieldProbe send(Command<?> command, boolean callerWaits) {
        return send(command, callerWaits, () -> { });
    }

    /** A yield of {@code command} that runs {@code beforeCompletion} on the thread that completes it. */
    YieldProbe send(Command<?> command, boolean callerWaits, Runnable beforeCompletion) {
        return new YieldProbe(new ProcessProbe(), null, callerWaits).beforeCompletion(beforeCompletion)
                .yieldTo(handlers.get(command.id()), command);
    }

    /** The value of a yield of {@code command}, which must succeed once. */
    <R> R call(Command<R> command) {
        YieldProbe yield = send(command);
        R value = yield.value();
        yield.assertCompletedOnce();
        return value;
    }

    /** The error of a yield of {@code command}, which must fail once with {@code code}, saying {@code part}. */
    DispatchException fails(String code, String part, Command<?> command) {
        YieldProbe yield = send(command);
        DispatchException error = yield.error(DispatchException.class);
        yield.assertCompletedOnce();
        assertEquals(error.getMessage(), code, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains(part));
        return error;
    }

    void advanceMillis(long millis) {
        now.addAndGet(millis);
    }

    @Override
    public void close() throws InterruptedException {
        jdbc.shutdownNow();
        jdbc.awaitTermination(10, TimeUnit.SECONDS);
    }
}
