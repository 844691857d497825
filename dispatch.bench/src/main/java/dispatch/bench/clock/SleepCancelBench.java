package dispatch.bench.clock;

import dispatch.api.Handler;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.bench.StubYieldContext;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.internal.ClockDispatcher;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of putting one sleeper to sleep and cancelling it (a yield cancelled, a process
 * ending), while {@code background} other sleepers wait: the clock module's {@code Sleep}
 * handler against a {@code ScheduledThreadPoolExecutor} with remove-on-cancel.
 *
 * <pre>
 * java -jar dispatch.bench/target/benchmarks.jar SleepCancelBench -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SleepCancelBench {

    private static final Duration SLEEP = Duration.ofSeconds(30);

    @Param({"0", "100000"})
    int background;

    private ClockDispatcher clock;
    private Handler sleepHandler;
    private final Context context = new Context();
    private final ResultReceiver receiver = (tag, data, error) -> true;
    private final Sleep sleep = new Sleep(SLEEP);

    private ScheduledThreadPoolExecutor executor;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        clock = new ClockDispatcher();
        clock.registerAll((id, name, handler) -> {
            if (id == Sleep.ID) {
                sleepHandler = handler;
            }
        });
        executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        for (int i = 0; i < background; i++) {
            sleepHandler.handle(new Context(), new Sleep(Duration.ofSeconds(60 + i % 60)), i, receiver);
            executor.schedule(() -> { }, 60 + i % 60, TimeUnit.SECONDS);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        clock.deactivate();
        executor.shutdownNow();
    }

    @Benchmark
    public void clockSleepThenCancel() throws Exception {
        sleepHandler.handle(context, sleep, 1, receiver);
        context.cancelAction.run(); // the yield is cancelled: the sleeper leaves the wheel
    }

    @Benchmark
    public boolean stpeScheduleThenCancel() {
        ScheduledFuture<?> future = executor.schedule(() -> receiver.complete(1, null), SLEEP.toNanos(),
                TimeUnit.NANOSECONDS);
        return future.cancel(false);
    }

    /** A yield context that keeps the last cancel action, as the runtime would. */
    static final class Context extends StubYieldContext {
        Runnable cancelAction;

        @Override
        public Subscription onCancel(Runnable action) {
            cancelAction = action;
            return () -> { };
        }

        @Override
        public long tag() {
            return 1;
        }
    }
}
