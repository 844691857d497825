package dispatch.bench;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * (d) The floor beside (b): what the same round trip costs with nothing but the JDK, an array
 * of handlers and a local queue of result records, on one thread, without processes, tags to
 * check, cancellation or statistics.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdkFloorBench {

    interface PlainHandler {
        void handle(Object command, long tag, ArrayDeque<Result> results);
    }

    record Result(long tag, Object value) {
    }

    private final PlainHandler[] handlers = new PlainHandler[256];
    private final ArrayDeque<Result> results = new ArrayDeque<>();
    private final Object command = new Object();
    private int id = 14;
    private long tag;

    @Setup
    public void setUp() {
        for (int i = 0; i < handlers.length; i++) {
            handlers[i] = (cmd, t, queue) -> queue.add(new Result(t, BenchModule.RESULT));
        }
    }

    @Benchmark
    public Object arrayLookupLocalQueue() {
        handlers[id].handle(command, ++tag, results);
        return results.poll().value();
    }
}
