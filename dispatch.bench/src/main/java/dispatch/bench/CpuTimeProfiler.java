package dispatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, in ns/op: {@code cpu.time.norm} of the whole benchmark JVM (every
 * thread: benchmark, workers, client and server threads, but also the JIT compilers and the
 * garbage collector), and {@code cpu.java.norm} of its Java threads only (the work itself,
 * without compilation and collection; allocation shows in {@code -prof gc}). Unlike throughput
 * these barely depend on how busy the rest of the machine is, so on a shared machine they
 * compare two ways of doing the same work more steadily. Threads that end during an iteration
 * drop out of {@code cpu.java.norm}. Use with {@code -prof dispatch.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long before;
    private Map<Long, Long> javaBefore = Map.of();

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        javaBefore = javaThreads();
        before = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - before;
        long java = 0;
        for (Map.Entry<Long, Long> thread : javaThreads().entrySet()) {
            java += thread.getValue() - javaBefore.getOrDefault(thread.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        return List.of(
                new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.java.norm", ops == 0 ? Double.NaN : (double) java / ops, "ns/op", AggregationPolicy.AVG));
    }

    private Map<Long, Long> javaThreads() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long time = threads.getThreadCpuTime(id);
            if (time >= 0) {
                cpu.put(id, time);
            }
        }
        return cpu;
    }
}
