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

    /**
     * Tags from the worker to the benchmark thread: one producer, one consumer, never more than
     * 128 in it. The consumer's read position lives with the consumer ({@link Reader}), so that
     * the two sides share no cache line but the slots and the write count.
     */
    static final class TagRing {
        final long[] tags = new long[256];
        final AtomicLong written = new AtomicLong();
        volatile ResultReceiver receiver; // set once: the process's receiver does not change

        void put(long tag, ResultReceiver from) {
            if (receiver != from) {
                receiver = from;
            }
            long at = written.get();
            tags[(int) (at & 255)] = tag;
            written.lazySet(at + 1);
        }
    }

    /** The benchmark thread's side of a {@link TagRing}. */
    static final class Reader {
        private final TagRing ring;
        private long read;

        Reader(TagRing ring) {
            this.ring = ring;
        }

        long take() {
            while (ring.written.get() == read) {
                Thread.onSpinWait();
            }
            return ring.tags[(int) (read++ & 255)];
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
    private Reader reader;

    @Setup
    public void setUp() {
        ring = new TagRing();
        reader = new Reader(ring);
        runtime = new DispatchRuntime(BenchModule.registry((context, command, tag, receiver) -> ring.put(tag, receiver)),
                RuntimeSettings.defaults().withWorkers(1));
        runtime.spawn(new Window());
    }

    @Benchmark
    public boolean completeOneYield() {
        long tag = reader.take();
        return ring.receiver.complete(tag, BenchModule.RESULT);
    }

    @TearDown
    public void tearDown() {
        runtime.close();
    }
}
