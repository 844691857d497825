package dispatch.bench.clock;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The clock's scale run at engine level: puts N sleepers (default 1 000 000) to sleep at once,
 * as fast as one thread can, through the clock module's {@code Sleep} handler and, in the same
 * JVM, through a {@code ScheduledThreadPoolExecutor}. Reports the heap the sleepers hold while
 * all sleep, and how late each one woke after its sleep (default 1 s).
 *
 * <pre>
 * java -Xms2g -Xmx2g -cp dispatch.bench/target/benchmarks.jar dispatch.bench.clock.ClockScaleRun \
 *     [sleepers] [sleepMillis] [rounds]
 * </pre>
 */
public final class ClockScaleRun {

    private ClockScaleRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        int sleepers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration sleep = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.printf(Locale.ROOT, "%,d sleepers x %d ms, %d rounds per engine, %s, %d CPUs, max heap %d MB%n",
                sleepers, sleep.toMillis(), rounds, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        // Heap: the sleepers sleep long enough that the full collections measuring them end
        // before the first one wakes; the engine is then closed with all of them asleep.
        Duration heapSleep = Duration.ofSeconds(60);
        System.out.printf(Locale.ROOT, "heap held while %,d sleep (%d s, closed while asleep):%n",
                sleepers, heapSleep.toSeconds());
        for (Function<SleepEngine.Waker, SleepEngine> engine : ENGINES) {
            reportHeap(heap(sleepers, heapSleep, engine));
        }
        // Lateness: no collection is forced while they sleep. Engines alternate; round 1 warms up the JIT.
        System.out.printf(Locale.ROOT, "lateness of the wake-ups (each sleeper against its own deadline):%n");
        for (int round = 1; round <= rounds; round++) {
            for (Function<SleepEngine.Waker, SleepEngine> engine : ENGINES) {
                reportLateness(round, lateness(sleepers, sleep, engine));
            }
        }
    }

    private static final List<Function<SleepEngine.Waker, SleepEngine>> ENGINES =
            List.of(SleepEngine.ClockModule::new, SleepEngine.Stpe::new);

    /** The heap figures of one run. */
    record Heap(String engine, int sleepers, double scheduleMillis, double bytesPerSleeper, boolean allAsleep) {
    }

    /** The lateness figures of one run. */
    record Lateness(String engine, int sleepers, double scheduleMillis, long[] sortedNanos, long overOneSecond) {
    }

    static Heap heap(int count, Duration sleep, Function<SleepEngine.Waker, SleepEngine> factory) {
        int[] woken = new int[1];
        try (SleepEngine engine = factory.apply(index -> woken[0]++)) {
            long baseline = usedHeapAfterGc();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                engine.sleep(i, sleep);
            }
            long scheduled = System.nanoTime();
            long held = usedHeapAfterGc() - baseline;
            boolean allAsleep = System.nanoTime() - start < sleep.toNanos();
            return new Heap(engine.name(), count, (scheduled - start) / 1e6, (double) held / count, allAsleep);
        }
    }

    static Lateness lateness(int count, Duration sleep, Function<SleepEngine.Waker, SleepEngine> factory)
            throws InterruptedException {
        long[] due = new long[count];
        long[] woke = new long[count];
        CountDownLatch done = new CountDownLatch(count);
        SleepEngine.Waker waker = index -> {
            woke[index] = System.nanoTime();
            done.countDown();
        };
        long sleepNanos = sleep.toNanos();
        try (SleepEngine engine = factory.apply(waker)) {
            usedHeapAfterGc(); // start clean, then no forced collection until all woke
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                due[i] = System.nanoTime() + sleepNanos; // read before the call: lateness is never understated
                engine.sleep(i, sleep);
            }
            long scheduled = System.nanoTime();
            if (!done.await(sleep.toMillis() + 60_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(done.getCount() + " sleepers never woke");
            }
            long[] lateness = new long[count];
            long over = 0;
            for (int i = 0; i < count; i++) {
                lateness[i] = woke[i] - due[i];
                if (lateness[i] > TimeUnit.SECONDS.toNanos(1)) {
                    over++;
                }
            }
            Arrays.sort(lateness);
            return new Lateness(engine.name(), count, (scheduled - start) / 1e6, lateness, over);
        }
    }

    static void reportHeap(Heap h) {
        System.out.printf(Locale.ROOT, "  %-32s scheduled in %6.0f ms  heap %6.1f B/sleeper%s%n", h.engine(),
                h.scheduleMillis(), h.bytesPerSleeper(), h.allAsleep() ? "" : "  (NOT all asleep when measured)");
    }

    static void reportLateness(int round, Lateness f) {
        long[] l = f.sortedNanos();
        System.out.printf(Locale.ROOT,
                "  round %d  %-32s scheduled in %6.0f ms  lateness ms: min %.2f p50 %.2f p99 %.2f p99.9 %.2f max %.2f  >1 s: %d%n",
                round, f.engine(), f.scheduleMillis(), l[0] / 1e6, percentile(l, 50) / 1e6, percentile(l, 99) / 1e6,
                percentile(l, 99.9) / 1e6, l[l.length - 1] / 1e6, f.overOneSecond());
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Used heap after full collections, until it stops shrinking. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
