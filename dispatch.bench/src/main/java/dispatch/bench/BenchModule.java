package dispatch.bench;

import dispatch.api.Command;
import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.api.TypedHandler;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import java.util.function.Consumer;

/** A custom module for the benchmarks: one echo command, ID 300, and a registry holding it. */
final class BenchModule {

    static final int ECHO_ID = 300;
    static final Object RESULT = "result";

    private BenchModule() {
    }

    /** A pooled echo command. */
    static final class Echo implements Command<Object> {
        private final Pool pool;

        Echo(Pool pool) {
            this.pool = pool;
        }

        @Override
        public int id() {
            return ECHO_ID;
        }

        @Override
        public void release() {
            pool.release(this);
        }
    }

    /**
     * A pool of echo commands for one process. The runtime releases a command on the thread
     * that runs the process, the one that also takes commands from the pool, so it needs no lock.
     */
    static final class Pool {
        private Echo[] free = new Echo[256];
        private int size;

        Echo acquire() {
            return size == 0 ? new Echo(this) : free[--size];
        }

        void release(Echo echo) {
            if (size < free.length) {
                free[size++] = echo;
            }
        }
    }

    /** A registry with the process-free echo module under {@code handler}, frozen. */
    static CommandRegistry registry(Handler handler) {
        return registry(registrar -> registrar.register(ECHO_ID, "Echo", handler));
    }

    /** The same, with {@code handler} registered through the typed path, which checks the command's type. */
    static CommandRegistry typedRegistry(TypedHandler<Echo> handler) {
        return registry(registrar -> registrar.register(ECHO_ID, Echo.class, handler));
    }

    private static CommandRegistry registry(Consumer<Registrar> registrations) {
        CommandRegistry registry = new CommandRegistry();
        Dispatcher module = new Dispatcher() {
            @Override
            public String moduleName() {
                return "bench";
            }

            @Override
            public void registerAll(Registrar registrar) {
                registrations.accept(registrar);
            }
        };
        try {
            registry.register(new Claimant("bench", "dispatch.bench", 1), module);
        } catch (RegistrationRefused e) {
            throw new IllegalStateException(e);
        }
        registry.freeze();
        return registry;
    }
}
