package dispatch.bench;

import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.Route;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** (a) A lookup in the frozen registry: a system ID (array slot) and a custom ID (open-addressing map). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RegistryLookupBench {

    private CommandRegistry registry;
    // Fields, not constants, so that the JIT cannot fold the lookups away.
    private int systemId = 14;
    private int customId = 4242;

    @Setup
    public void setUp() throws Exception {
        registry = new CommandRegistry();
        registry.register(new Claimant("clock", "bench", 1), module("clock", 10, 29));
        registry.register(new Claimant("custom", "bench", 2), new Dispatcher() {
            @Override
            public String moduleName() {
                return "custom";
            }

            @Override
            public void registerAll(Registrar registrar) {
                for (int id = 256; id < 320; id++) { // a realistic number of custom IDs beside the measured one
                    registrar.register(id, "Custom" + id, (context, command, tag, receiver) -> { });
                }
                registrar.register(4242, "Custom4242", (context, command, tag, receiver) -> { });
            }
        });
        registry.freeze();
    }

    private static Dispatcher module(String name, int first, int last) {
        return new Dispatcher() {
            @Override
            public String moduleName() {
                return name;
            }

            @Override
            public void registerAll(Registrar registrar) {
                for (int id = first; id <= last; id++) {
                    registrar.register(id, name + id, (context, command, tag, receiver) -> { });
                }
            }
        };
    }

    @Benchmark
    public Route systemId() {
        return registry.lookup(systemId);
    }

    @Benchmark
    public Route customId() {
        return registry.lookup(customId);
    }
}
