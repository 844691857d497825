package dispatch.bench.store;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Store Get and Set through dispatch (a blocking-style process yields the command, the store
 * module runs it: on the worker for memory, on the process's own thread for H2 in memory) against
 * the same work done directly in that process: {@code ConcurrentHashMap.get}/{@code put} for the
 * memory store, the sql store's own statements on the same HikariCP pool for the sql store. Each
 * invocation runs {@value #BATCH} operations one after another, so that handing the batch to the
 * process costs next to nothing per operation: one operation is one Get or one Set.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class StoreBench {

    static final int BATCH = 10_000;

    @Param({"memory", "sql"})
    public String backend;

    private StoreBenchFixture fixture;

    @Setup
    public void setUp() throws Exception {
        fixture = new StoreBenchFixture(backend);
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object getDispatched() throws Exception {
        return fixture.inProcess(BATCH, StoreBenchFixture.Way.DISPATCHED_GET);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object getDirect() throws Exception {
        return fixture.inProcess(BATCH, StoreBenchFixture.Way.DIRECT_GET);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object setDispatched() throws Exception {
        return fixture.inProcess(BATCH, StoreBenchFixture.Way.DISPATCHED_SET);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object setDirect() throws Exception {
        return fixture.inProcess(BATCH, StoreBenchFixture.Way.DIRECT_SET);
    }
}
