package dispatch.bench;

import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.registry.Route;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lookups and hot swaps of a custom module in development mode. {@code systemId} and
 * {@code customId} look up in a frozen registry {@code before} any swap and {@code after} 50
 * swaps of the custom module (each a departure and the registration of a new revision, each
 * publishing a new table): the figures should not differ. The {@code swapping} group runs a
 * lookup thread beside a thread that swaps the module without pause, to show that lookups go
 * on, without a lock, while tables are replaced under them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistrySwapBench {

    static final int SYSTEM_ID = 14;
    static final int CUSTOM_ID = 1002;

    /** A registry with clock's 20 system IDs and the custom module 'kv' (IDs 1000-1063). */
    @State(Scope.Benchmark)
    public static class Swappable {
        @Param({"before", "after"})
        public String swaps;

        final CommandRegistry registry = new CommandRegistry();
        private long serviceIds;
        private long kv;

        @Setup(Level.Trial)
        public void setUp() throws RegistrationRefused {
            registry.register(new Claimant("clock", "bench.clock 1.0.0", ++serviceIds), module("clock", 10, 29));
            kv = ++serviceIds;
            registry.register(new Claimant("kv", "bench.kv 1.0.0", kv), module("kv", 1000, 1063));
            registry.freeze();
            registry.allowLateCustomModules(true);
            if (swaps.equals("after")) {
                for (int i = 0; i < 50; i++) {
                    swap();
                }
            }
        }

        /** The custom module leaves and its next revision registers: two new tables. */
        void swap() {
            registry.unregister(kv);
            kv = ++serviceIds;
            try {
                registry.register(new Claimant("kv", "bench.kv 1.0.0", kv), module("kv", 1000, 1063));
            } catch (RegistrationRefused e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Fields, not constants, so that the JIT cannot fold the lookups away. */
    @State(Scope.Thread)
    public static class Ids {
        int system = SYSTEM_ID;
        int custom = CUSTOM_ID;
    }

    static Dispatcher module(String name, int first, int last) {
        Handler handler = (context, command, tag, receiver) -> receiver.complete(tag, command);
        return new Dispatcher() {
            @Override
            public String moduleName() {
                return name;
            }

            @Override
            public void registerAll(Registrar registrar) {
                for (int id = first; id <= last; id++) {
                    registrar.register(id, name + id, handler);
                }
            }
        };
    }

    @Benchmark
    public Route systemId(Swappable state, Ids ids) {
        return state.registry.lookup(ids.system);
    }

    @Benchmark
    public Route customId(Swappable state, Ids ids) {
        return state.registry.lookup(ids.custom);
    }

    /** One lookup of the custom ID while the other thread swaps the module. */
    @Benchmark
    @Group("swapping")
    @GroupThreads(1)
    public Route lookupDuringSwaps(Swappable state, Ids ids) {
        return state.registry.lookup(ids.custom);
    }

    /** One swap: departure and new revision. */
    @Benchmark
    @Group("swapping")
    @GroupThreads(1)
    public void swap(Swappable state) {
        state.swap();
    }
}
