package dispatch.bench;

import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (b) The whole round trip on one thread: a step process yields a pooled command, the registry
 * routes it, the handler completes it at once, the result goes into the process's next step,
 * the command is released. The benchmark thread is the worker (a runtime with 0 workers, driven
 * slice by slice); one operation is one round trip.
 *
 * <p>{@code registration} compares the two ways a module registers its handler: {@code raw}, a
 * {@link dispatch.api.Handler} that gets {@code Command<?>}, and {@code typed}, a
 * {@link dispatch.api.TypedHandler} of the command's class, which the registrar wraps in a type
 * check. Run one with {@code -p registration=typed}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SameThreadYieldBench {

    static final int SLICE = 1024;

    @Param({"raw", "typed"})
    public String registration;

    private DispatchRuntime runtime;

    /** Yields one pooled echo per step, and reads the result of the last one. */
    static final class Pinger implements StepProcess {
        private final BenchModule.Pool pool = new BenchModule.Pool();
        long results;

        @Override
        public Status step(Events events, StepOutput output) {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).value() == BenchModule.RESULT) {
                    results++;
                }
            }
            output.yield(pool.acquire());
            return Status.WAIT;
        }
    }

    @Setup
    public void setUp() {
        CommandRegistry registry = switch (registration) {
            case "raw" -> BenchModule.registry((context, command, tag, receiver) -> receiver.complete(tag, BenchModule.RESULT));
            case "typed" -> BenchModule.typedRegistry((context, echo, tag, receiver) -> receiver.complete(tag, BenchModule.RESULT));
            default -> throw new IllegalArgumentException("registration is raw or typed, not " + registration);
        };
        runtime = new DispatchRuntime(registry, RuntimeSettings.defaults().withWorkers(0).withStepsPerSlice(SLICE));
        runtime.spawn(new Pinger());
    }

    @Benchmark
    @OperationsPerInvocation(SLICE)
    public void yieldHandleResume() {
        runtime.drive();
    }

    @TearDown
    public void tearDown() {
        runtime.close();
    }
}
