package dispatch.bench;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor beside (c): the same shape with nothing but the JDK. A spinning consumer thread
 * takes results from a {@link ConcurrentLinkedQueue} and hands a new tag back for each one,
 * keeping 128 outstanding; the benchmark thread completes them. No processes, no state machine,
 * no parking: what two threads handing work to each other cost on this machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdkCrossThreadFloorBench {

    private final ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
    private CrossThreadYieldBench.TagRing ring;
    private CrossThreadYieldBench.Reader reader;
    private Thread consumer;
    private volatile boolean stop;

    @Setup
    public void setUp() {
        ring = new CrossThreadYieldBench.TagRing();
        reader = new CrossThreadYieldBench.Reader(ring);
        consumer = new Thread(() -> {
            long next = 0;
            for (int i = 0; i < CrossThreadYieldBench.OUTSTANDING; i++) {
                ring.put(next++, null);
            }
            while (!stop) {
                if (results.poll() == null) {
                    Thread.onSpinWait();
                } else {
                    ring.put(next++, null);
                }
            }
        }, "floor-consumer");
        consumer.setDaemon(true);
        consumer.start();
    }

    @Benchmark
    public boolean completeOneTask() {
        long tag = reader.take();
        return results.add(tag);
    }

    @TearDown
    public void tearDown() throws InterruptedException {
        stop = true;
        consumer.join(5_000);
    }
}
