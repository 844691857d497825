package dispatch.bench;

import dispatch.module.sql.Query;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A simple query (one row by primary key, H2 in memory) through dispatch, against the same
 * query on the same HikariCP pool straight from JDBC. "Through dispatch" is the whole path: a
 * blocking-style process yields {@code Query}, the runtime routes it to the sql module, which
 * borrows a connection, binds, runs, maps the row into {@code Rows} and completes the yield.
 * Each invocation runs {@value #BATCH} queries one after another, so that handing the batch to
 * the process (a thread wake-up, tens of microseconds here) costs next to nothing per query:
 * one operation is one query. {@link SqlOverheadRun} measures the same pair interleaved in one
 * JVM, which this machine's drift between runs cannot blur.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class SqlQueryBench {

    static final int BATCH = 10_000;

    /**
     * Whether a process that waits for its query ({@code ProcessContext.call}) runs the SQL on
     * its own thread (the default); without, every query hops to a JDBC thread and back.
     */
    @Param({"true", "false"})
    public boolean callerRuns;

    private SqlBenchFixture fixture;
    private final SqlBenchFixture.WaitingCaller caller = new SqlBenchFixture.WaitingCaller();

    @Setup
    public void setUp() throws Exception {
        fixture = new SqlBenchFixture(callerRuns);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object dispatched() throws Exception {
        return fixture.inProcess(BATCH, SqlBenchFixture.Way.DISPATCHED);
    }

    /** {@link #dispatched} on a datasource with {@code verify.result.shape=false}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object dispatchedUnverified() throws Exception {
        return fixture.inProcess(BATCH, SqlBenchFixture.Way.DISPATCHED_UNVERIFIED);
    }

    /**
     * The sql module's own share: its handler called straight from this thread as a waiting
     * caller, without the runtime (no process, no yield slot, no inbox). Without callerRuns the
     * query hops to a JDBC thread, and this thread spins for the result.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object handlerOnly() throws Exception {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            Query query = SqlBenchFixture.query(i);
            caller.result = null;
            fixture.queryHandler.handle(caller, query, i, caller);
            Object result;
            while ((result = caller.result) == null) {
                Thread.onSpinWait(); // only without callerRuns: the result comes from a JDBC thread
            }
            last = result;
        }
        return last;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void direct(Blackhole blackhole) {
        for (int i = 0; i < BATCH; i++) {
            blackhole.consume(fixture.direct(SqlBenchFixture.key(i)));
        }
    }

    /**
     * Beside {@link #direct}: the same JDBC calls, and the rows handed on with the column
     * descriptions from the metadata, as the sql module hands them to a process, so that what
     * dispatch costs can be told from what a self-describing result costs.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object directToRows() {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = fixture.directToRows(SqlBenchFixture.key(i));
        }
        return last;
    }

    @TearDown
    public void tearDown() {
        fixture.close();
    }
}
