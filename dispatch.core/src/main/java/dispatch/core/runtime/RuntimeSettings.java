package dispatch.core.runtime;

import java.time.Duration;

/**
 * How a {@link DispatchRuntime} runs.
 *
 * @param workers          worker threads for step processes; 0 runs nothing by itself: the
 *                         caller drives the processes with {@link DispatchRuntime#drive()}
 *                         (embedding, benchmarks, tests)
 * @param spinIterations   how many times an idle worker checks for work before it parks
 * @param spinNanos        the longest an idle worker spins before it parks
 * @param stepsPerSlice    steps a process may run in a row before other processes get a turn
 * @param virtualThreads   whether to run blocking processes and Exec tasks on virtual threads
 *                         where the JVM has them; {@code false} forces the bounded pools
 * @param blockingPoolSize the size of each fallback pool of platform threads
 * @param shutdownTimeout  how long stopping waits for processes to end
 * @param recentExits      how many exit reasons of ended processes {@code exitOf} remembers
 */
public record RuntimeSettings(int workers, int spinIterations, long spinNanos, int stepsPerSlice,
        boolean virtualThreads, int blockingPoolSize, Duration shutdownTimeout, int recentExits) {

    public RuntimeSettings {
        if (workers < 0 || spinIterations < 0 || spinNanos < 0 || stepsPerSlice < 1 || blockingPoolSize < 1
                || recentExits < 0) {
            throw new IllegalArgumentException("invalid runtime settings: " + workers + " workers, "
                    + spinIterations + " spins, " + spinNanos + " ns, " + stepsPerSlice + " steps per slice, "
                    + blockingPoolSize + " pool threads, " + recentExits + " recent exits");
        }
        java.util.Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /** One worker per core, a short spin, virtual threads where available. */
    public static RuntimeSettings defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new RuntimeSettings(cores, 20_000, 50_000, 64, true, Math.max(16, cores * 8),
                Duration.ofSeconds(10), 1024);
    }

    public RuntimeSettings withWorkers(int count) {
        return new RuntimeSettings(count, spinIterations, spinNanos, stepsPerSlice, virtualThreads, blockingPoolSize,
                shutdownTimeout, recentExits);
    }

    public RuntimeSettings withSpin(int iterations, long nanos) {
        return new RuntimeSettings(workers, iterations, nanos, stepsPerSlice, virtualThreads, blockingPoolSize,
                shutdownTimeout, recentExits);
    }

    public RuntimeSettings withStepsPerSlice(int steps) {
        return new RuntimeSettings(workers, spinIterations, spinNanos, steps, virtualThreads, blockingPoolSize,
                shutdownTimeout, recentExits);
    }

    public RuntimeSettings withVirtualThreads(boolean use, int poolSize) {
        return new RuntimeSettings(workers, spinIterations, spinNanos, stepsPerSlice, use, poolSize,
                shutdownTimeout, recentExits);
    }

    public RuntimeSettings withShutdownTimeout(Duration timeout) {
        return new RuntimeSettings(workers, spinIterations, spinNanos, stepsPerSlice, virtualThreads, blockingPoolSize,
                timeout, recentExits);
    }
}
