package dispatch.bench;

import dispatch.api.ResultReceiver;
import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * (c) Across threads: a step process on a real worker keeps 128 yields outstanding; its handler
 * hands each tag to the benchmark thread, which completes it. One operation is one completed
 * yield: completion, inbox, wake-up, step, new yield, handler, hand-over.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CrossThreadYieldBench {

    static final int OUTSTANDING = 128;

    /** Tags from the worker to the benchmark thread: one producer, one consumer, never more than 128 in it. */
    static final class TagRing {
        private final long[] tags = new long[256];
        private final AtomicLong written = new AtomicLong();
        private long read; // consumer only
        volatile ResultReceiver receiver;

        void put(long tag) {
            long at = written.get();
            tags[(int) (at & 255)] = tag;
            written.lazySet(at + 1);
        }

        long take() {
            while (written.get() == read) {
                Thread.onSpinWait();
            }
            return tags[(int) (read++ & 255)];
        }
    }

    /** Yields 128 pooled echoes at first, then one more for every result. */
    static final class Window implements StepProcess {
        private final BenchModule.Pool pool = new BenchModule.Pool();
        private boolean started;

        @Override
        public Status step(Events events, StepOutput output) {
            int wanted = started ? events.size() : OUTSTANDING;
            started = true;
            for (int i = 0; i < wanted; i++) {
                output.yield(pool.acquire());
            }
            return Status.WAIT;
        }
    }

    private DispatchRuntime runtime;
    private TagRing ring;

    @Setup
    public void setUp() {
        ring = new TagRing();
        runtime = new DispatchRuntime(BenchModule.registry((context, command, tag, receiver) -> {
            ring.receiver = receiver;
            ring.put(tag);
        }), RuntimeSettings.defaults().withWorkers(1));
        runtime.spawn(new Window());
    }

    @Benchmark
    public boolean completeOneYield() {
        long tag = ring.take();
        return ring.receiver.complete(tag, BenchModule.RESULT);
    }

    @TearDown
    public void tearDown() {
        runtime.close();
    }
}
