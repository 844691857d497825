package dispatch.core.runtime;

import dispatch.api.Command;
import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A custom test module: commands with IDs 256+ and handlers that behave in known ways. */
@DispatchModule("test")
final class TestCommands implements Dispatcher {

    /** Completes at once, on the yielding thread, with its value. */
    record Echo(Object value) implements Command<Object> {
        static final int ID = 256;

        @Override
        public int id() {
            return ID;
        }
    }

    /** Completes with its value on one of the module's own threads. */
    record AsyncEcho(Object value) implements Command<Object> {
        static final int ID = 257;

        @Override
        public int id() {
            return ID;
        }
    }

    /** Its handler throws. */
    record Throw(String message) implements Command<Object> {
        static final int ID = 258;

        @Override
        public int id() {
            return ID;
        }
    }

    /** Its handler parks the yield in {@link #held} and never completes it by itself. */
    record Hold(String label) implements Command<Object> {
        static final int ID = 259;

        @Override
        public int id() {
            return ID;
        }
    }

    /** Its handler completes twice. */
    record Twice(Object value) implements Command<Object> {
        static final int ID = 260;

        @Override
        public int id() {
            return ID;
        }
    }

    /** A pooled command that counts its releases. */
    static final class Pooled implements Command<Object> {
        static final int ID = 261;
        final AtomicInteger releases = new AtomicInteger();

        @Override
        public int id() {
            return ID;
        }

        @Override
        public void release() {
            releases.incrementAndGet();
        }
    }

    /** Its handler hands the yield to {@link #relay}, for the test's own completer threads. */
    record Relay(long value) implements Command<Object> {
        static final int ID = 262;

        @Override
        public int id() {
            return ID;
        }
    }

    /** A yield held by the {@link Hold} handler. */
    record Held(YieldContext context, long tag, ResultReceiver receiver) {
    }

    final BlockingQueue<Held> held = new LinkedBlockingQueue<>();
    final BlockingQueue<Held> relay = new LinkedBlockingQueue<>();
    final AtomicInteger cancelActions = new AtomicInteger();
    final ExecutorService async;

    TestCommands(int asyncThreads) {
        async = Executors.newFixedThreadPool(asyncThreads, runnable -> {
            Thread thread = new Thread(runnable, "test-async");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Echo.ID, Echo.class, (context, echo, tag, receiver) -> receiver.complete(tag, echo.value()));
        registrar.register(AsyncEcho.ID, AsyncEcho.class, (context, echo, tag, receiver) ->
                async.execute(() -> receiver.complete(tag, echo.value())));
        registrar.register(Throw.ID, Throw.class, (context, thrown, tag, receiver) -> {
            throw new IllegalStateException(thrown.message());
        });
        registrar.register(Hold.ID, Hold.class, (context, hold, tag, receiver) -> {
            context.onCancel(cancelActions::incrementAndGet);
            held.add(new Held(context, tag, receiver));
        });
        registrar.register(Twice.ID, Twice.class, (context, twice, tag, receiver) -> {
            receiver.complete(tag, twice.value());
            receiver.complete(tag, "again");
        });
        registrar.register(Relay.ID, Relay.class, (context, relayed, tag, receiver) ->
                relay.add(new Held(context, tag, receiver)));
        registrar.register(Pooled.ID, Pooled.class, (context, pooled, tag, receiver) -> receiver.complete(tag, "pooled"));
    }
}
