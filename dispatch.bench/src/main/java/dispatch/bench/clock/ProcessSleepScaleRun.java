package dispatch.bench.clock;

import dispatch.api.Command;
import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.internal.ClockDispatcher;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The clock's scale run through real processes: N step processes (default 1 000 000) of the
 * process runtime each yield one sleep (default 1 s) and end when it returns. Run twice in
 * the same JVM: with the clock module's {@link Sleep}, and with the same sleep served by a
 * handler on a {@code ScheduledThreadPoolExecutor} (one {@code ScheduledFuture} and a cancel
 * callback per sleeper, as such a handler is usually written).
 *
 * <p>Heap per sleeping process is measured in a pass of its own, with a sleep long enough
 * that all processes sleep at once while full collections measure them; the runtime is then
 * closed with all of them asleep, and the clock's gauge must read zero afterwards. A baseline
 * pass with a handler that holds nothing tells the runtime's share from the sleep module's. Lateness is
 * measured in passes without forced collections: a process's lateness is the time from its
 * deadline (taken before it yielded) to the moment its next step runs.
 *
 * <pre>
 * java -Xms3g -Xmx3g -cp dispatch.bench/target/benchmarks.jar dispatch.bench.clock.ProcessSleepScaleRun \
 *     [processes] [sleepMillis] [rounds] [measureHeap] [gated|spawned|both]
 * </pre>
 */
public final class ProcessSleepScaleRun {

    private ProcessSleepScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Duration sleep = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 1000);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean measureHeap = args.length <= 3 || Boolean.parseBoolean(args[3]);
        String mode = args.length > 4 ? args[4] : "gated";
        List<Boolean> modes = switch (mode) {
            case "gated" -> List.of(true);
            case "spawned" -> List.of(false);
            case "both" -> List.of(true, false);
            default -> throw new IllegalArgumentException("mode: gated, spawned or both");
        };
        System.out.printf(Locale.ROOT, "%,d processes x one %d ms sleep, %d rounds per engine, %s, %d CPUs, max heap %d MB%n",
                processes, sleep.toMillis(), rounds, System.getProperty("java.vm.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        Duration heapSleep = Duration.ofSeconds(120);
        System.out.printf(Locale.ROOT, "heap held per sleeping process (all %,d asleep, %d s sleeps, runtime closed while they sleep):%n",
                processes, heapSleep.toSeconds());
        if (measureHeap) {
            heap(processes, heapSleep, NothingEngine::new);
            for (Function<Duration, Engine> engine : ENGINES) {
                heap(processes, heapSleep, engine);
            }
        }
        for (boolean gated : modes) {
            System.out.printf(Locale.ROOT, "lateness of the wake-ups (deadline to the process's next step), %s:%n",
                    gated ? "gated: all spawned idle first, then all sent go and sleep"
                            : "each process sleeps right after its spawn");
            for (int round = 1; round <= rounds; round++) {
                for (Function<Duration, Engine> engine : ENGINES) {
                    lateness(round, processes, sleep, gated, engine);
                }
            }
        }
    }

    /** {@code -Dclock.instrument=true}: report the clock's part of the lateness apart (diagnostic). */
    static final boolean INSTRUMENT = Boolean.getBoolean("clock.instrument");
    static volatile long[] completedSink;
    /**
     * {@code -Dclock.timeline=true}: lateness by when the sleepers were due, and the
     * {@code nanoTime} of each phase, for {@code perf -k CLOCK_MONOTONIC} (diagnostic).
     */
    static final boolean TIMELINE = Boolean.getBoolean("clock.timeline");
    /**
     * {@code -Dclock.young=true}: the forced collection of a lateness pass comes before the spawn
     * instead of before the go, so the sleeping processes are young rather than old (diagnostic).
     */
    static final boolean YOUNG = Boolean.getBoolean("clock.young");
    /** {@code -Dclock.stpe=false}: the lateness rounds without the STPE, for quicker comparisons of builds. */
    static final boolean WITH_STPE = !"false".equals(System.getProperty("clock.stpe"));

    private static final List<Function<Duration, Engine>> ENGINES = WITH_STPE
            ? List.of(ClockEngine::new, StpeEngine::new) : List.of(ClockEngine::new);

    // ---------------------------------------------------------------- engines

    /** A sleep module plugged into a fresh registry and runtime. */
    abstract static class Engine implements AutoCloseable {

        final CommandRegistry registry = new CommandRegistry();
        DispatchRuntime runtime;

        final void start(Dispatcher module) {
            try {
                registry.register(new Claimant(module.moduleName(), "dispatch.bench", 1), module);
            } catch (RegistrationRefused e) {
                throw new IllegalStateException(e);
            }
            registry.freeze();
            runtime = new DispatchRuntime(registry, RuntimeSettings.defaults());
        }

        abstract String name();

        /** The command one sleeper yields. */
        abstract Command<?> sleep(Duration duration);

        /** What the engine still holds, for the proof that closing the runtime emptied it. */
        abstract String live();

        @Override
        public void close() {
            runtime.close();
        }
    }

    /** The clock module, as the OSGi runtime would wire it. */
    static final class ClockEngine extends Engine {

        private final ClockDispatcher clock = new ClockDispatcher();

        ClockEngine(Duration unused) {
            if (!INSTRUMENT) {
                start(clock);
                return;
            }
            // Diagnostic: also note when the clock completes each yield (costs a lambda per yield).
            Handler[] sleep = new Handler[1];
            clock.registerAll((id, name, handler) -> {
                if (id == Sleep.ID) {
                    sleep[0] = handler;
                }
            });
            Handler timed = (context, command, tag, receiver) -> {
                int index = (int) context.process().pid() - 1;
                sleep[0].handle(context, command, tag, (t, data, error) -> {
                    completedSink[index] = System.nanoTime();
                    return receiver.completeYield(t, data, error);
                });
            };
            start(new Dispatcher() {
                @Override
                public String moduleName() {
                    return "clock";
                }

                @Override
                public void registerAll(Registrar registrar) {
                    registrar.register(Sleep.ID, "Sleep", timed);
                }
            });
        }

        @Override
        String name() {
            return "clock module (timing wheel)";
        }

        @Override
        Command<?> sleep(Duration duration) {
            return new Sleep(duration);
        }

        @Override
        String live() {
            return "sleepers " + clock.getSleepers() + ", wheel live " + clock.getWheelLive();
        }

        @Override
        public void close() {
            super.close();
            clock.deactivate();
        }
    }

    /** The same sleep on a ScheduledThreadPoolExecutor with one thread, in a custom module. */
    static final class StpeEngine extends Engine {

        static final int STPE_SLEEP_ID = 256;

        record StpeSleep(Duration duration) implements Command<Void> {
            @Override
            public int id() {
                return STPE_SLEEP_ID;
            }
        }

        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

        StpeEngine(Duration unused) {
            executor.setRemoveOnCancelPolicy(true);
            Handler handler = (context, command, tag, receiver) -> {
                ScheduledFuture<?> future = executor.schedule(() -> receiver.complete(tag, null),
                        ((StpeSleep) command).duration().toNanos(), TimeUnit.NANOSECONDS);
                context.onCancel(() -> future.cancel(false));
            };
            start(new Dispatcher() {
                @Override
                public String moduleName() {
                    return "stpe";
                }

                @Override
                public void registerAll(Registrar registrar) {
                    registrar.register(STPE_SLEEP_ID, "StpeSleep", handler);
                }
            });
        }

        @Override
        String name() {
            return "ScheduledThreadPoolExecutor(1)";
        }

        @Override
        Command<?> sleep(Duration duration) {
            return new StpeSleep(duration);
        }

        @Override
        String live() {
            return "queued futures " + executor.getQueue().size();
        }

        @Override
        public void close() {
            super.close();
            executor.shutdownNow();
        }
    }

    /**
     * The baseline of the heap pass: a handler that keeps nothing and never completes, so what
     * a waiting process holds with it is the runtime's share alone (and the process's own).
     */
    static final class NothingEngine extends Engine {

        static final int HOLD_ID = 257;

        record Hold(Duration duration) implements Command<Void> {
            @Override
            public int id() {
                return HOLD_ID;
            }
        }

        NothingEngine(Duration unused) {
            start(new Dispatcher() {
                @Override
                public String moduleName() {
                    return "nothing";
                }

                @Override
                public void registerAll(Registrar registrar) {
                    registrar.register(HOLD_ID, "Hold", (context, command, tag, receiver) -> { });
                }
            });
        }

        @Override
        String name() {
            return "baseline: a handler holding nothing";
        }

        @Override
        Command<?> sleep(Duration duration) {
            return new Hold(duration);
        }

        @Override
        String live() {
            return "-";
        }
    }

    // ---------------------------------------------------------------- the sleepers

    /** The shared record of one pass: when each process was due and when it woke. */
    static final class Pass {
        final long[] due;
        final long[] woke;
        /** When the sleep module completed the yield (diagnostic runs only). */
        final long[] completed;
        final long sleepNanos;
        final StripedLatch ready;
        /**
         * Counts the yields down, for the heap pass, which must wait until all sleep; {@code null}
         * in the lateness passes, which learn when the last one slept from {@link #due} afterwards
         * rather than have every process take the same shared counter while the clock runs.
         */
        final CountDownLatch yielded;
        final StripedLatch done;
        final LongAdder failed = new LongAdder();

        Pass(int count, Duration sleep, boolean countYields) {
            due = new long[count];
            woke = new long[count];
            completed = new long[count];
            sleepNanos = sleep.toNanos();
            ready = new StripedLatch(count);
            yielded = countYields ? new CountDownLatch(count) : null;
            done = new StripedLatch(count);
        }
    }

    /** The message that starts a gated sleeper. */
    static final Object GO = "go";

    /**
     * One process: yields its sleep (at once, or when {@link #GO} arrives if it is gated),
     * records when its next step runs, ends.
     */
    static final class Sleeper implements StepProcess {

        private final Pass pass;
        private final int index;
        private final Command<?> sleep;
        private boolean gated;
        private boolean asleep;

        Sleeper(Pass pass, int index, Command<?> sleep, boolean gated) {
            this.pass = pass;
            this.index = index;
            this.sleep = sleep;
            this.gated = gated;
        }

        @Override
        public Status step(Events events, StepOutput out) {
            if (gated) {
                if (events.isEmpty()) {
                    pass.ready.countDown(index); // first step: wait for the go
                    return Status.WAIT;
                }
                gated = false; // the go arrived
            }
            if (!asleep) {
                asleep = true;
                pass.due[index] = System.nanoTime() + pass.sleepNanos;
                out.yield(sleep);
                if (pass.yielded != null) {
                    pass.yielded.countDown();
                }
                return Status.WAIT;
            }
            if (events.isEmpty()) {
                return Status.WAIT;
            }
            pass.woke[index] = System.nanoTime();
            if (events.get(0).failed()) {
                pass.failed.increment();
            }
            pass.done.countDown(index);
            return Status.DONE;
        }
    }

    // ---------------------------------------------------------------- passes

    static void heap(int count, Duration sleep, Function<Duration, Engine> factory) throws InterruptedException {
        Pass pass = new Pass(count, sleep, true);
        try (Engine engine = factory.apply(sleep)) {
            long baseline = ClockScaleRun.usedHeapAfterGc();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                engine.runtime.spawn(new Sleeper(pass, i, engine.sleep(sleep), false));
            }
            long spawned = System.nanoTime();
            long yielded = awaitAllYielded(pass, count);
            long held = ClockScaleRun.usedHeapAfterGc() - baseline;
            boolean allAsleep = pass.done.getCount() == count && System.nanoTime() - start < sleep.toNanos();
            System.out.printf(Locale.ROOT, "  %-32s spawned in %6.0f ms, all asleep after %6.0f ms  heap %6.1f B/process%s%n",
                    engine.name(), (spawned - start) / 1e6, (yielded - start) / 1e6, (double) held / count,
                    allAsleep ? "" : "  (NOT all asleep when measured)");
            long closing = System.nanoTime();
            engine.close();
            System.out.printf(Locale.ROOT, "  %-32s runtime closed in %6.0f ms with all asleep; left behind: %s%n", "",
                    (System.nanoTime() - closing) / 1e6, engine.live());
        }
    }

    /** Waits until every sleeper has yielded its sleep. */
    private static long awaitAllYielded(Pass pass, int count) throws InterruptedException {
        if (!pass.yielded.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException(pass.yielded.getCount() + " of " + count + " processes never yielded");
        }
        return System.nanoTime();
    }

    /**
     * One lateness pass. Gated: all processes are spawned first and wait idle; then each is
     * sent {@link #GO} and yields its sleep at once, so that they fall asleep as fast as the
     * runtime runs steps rather than as fast as it spawns. Otherwise each process sleeps in its
     * first step, right after its spawn.
     */
    static void lateness(int round, int count, Duration sleep, boolean gated, Function<Duration, Engine> factory)
            throws InterruptedException {
        Pass pass = new Pass(count, sleep, false);
        completedSink = pass.completed;
        try (Engine engine = factory.apply(sleep)) {
            long[] pids = new long[count];
            if (YOUNG) {
                ClockScaleRun.usedHeapAfterGc();
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                pids[i] = engine.runtime.spawn(new Sleeper(pass, i, engine.sleep(sleep), gated));
            }
            if (gated && !pass.ready.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException(pass.ready.getCount() + " processes never started");
            }
            double spawnMillis = (System.nanoTime() - start) / 1e6;
            if (!YOUNG) {
                ClockScaleRun.usedHeapAfterGc(); // start clean, then no forced collection until all woke
            }
            long go = System.nanoTime();
            if (gated) {
                for (long pid : pids) {
                    engine.runtime.send(pid, GO);
                }
            }
            if (!pass.done.await(sleep.toMillis() + 300_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(pass.done.getCount() + " processes never woke");
            }
            long lastYield = Arrays.stream(pass.due).max().orElse(go + pass.sleepNanos) - pass.sleepNanos;
            double asleepMillis = (lastYield - (gated ? go : start)) / 1e6;
            long[] lateness = new long[count];
            long over = 0;
            for (int i = 0; i < count; i++) {
                lateness[i] = pass.woke[i] - pass.due[i];
                if (lateness[i] > TimeUnit.SECONDS.toNanos(1)) {
                    over++;
                }
            }
            Arrays.sort(lateness);
            long[] l = lateness;
            System.out.printf(Locale.ROOT,
                    "  round %d  %-31s %s %5.0f ms, all asleep %5.0f ms later; lateness ms: min %.2f p50 %.2f p99 %.2f p99.9 %.2f max %.2f  >1 s: %d  failed: %d  left: %s%n",
                    round, engine.name(), gated ? "spawned+idle in" : "spawned in     ", spawnMillis, asleepMillis,
                    l[0] / 1e6, ClockScaleRun.percentile(l, 50) / 1e6, ClockScaleRun.percentile(l, 99) / 1e6,
                    ClockScaleRun.percentile(l, 99.9) / 1e6, l[l.length - 1] / 1e6, over, pass.failed.sum(), engine.live());
            if (TIMELINE && engine instanceof ClockEngine) {
                timeline(pass, gated ? go : start);
            }
            if (INSTRUMENT && engine instanceof ClockEngine) {
                long[] c = new long[count];
                for (int i = 0; i < count; i++) {
                    c[i] = pass.completed[i] - pass.due[i];
                }
                Arrays.sort(c);
                System.out.printf(Locale.ROOT, "           of which the clock (deadline to completeYield) ms: min %.2f p50 %.2f p99 %.2f p99.9 %.2f max %.2f%n",
                        c[0] / 1e6, ClockScaleRun.percentile(c, 50) / 1e6, ClockScaleRun.percentile(c, 99) / 1e6,
                        ClockScaleRun.percentile(c, 99.9) / 1e6, c[c.length - 1] / 1e6);
            }
        }
    }

    /** Prints, per 50 ms of deadlines after {@code origin}, how many were due and how late they woke. */
    private static void timeline(Pass pass, long origin) {
        long lastDue = Arrays.stream(pass.due).max().orElse(origin);
        System.out.printf(Locale.ROOT, "           nanoTime: go %d, last yield %d, first due %d, last woke %d%n", origin,
                lastDue - pass.sleepNanos, Arrays.stream(pass.due).min().orElse(0), Arrays.stream(pass.woke).max().orElse(0));
        long bin = TimeUnit.MILLISECONDS.toNanos(50);
        int bins = (int) ((lastDue - origin) / bin) + 1;
        long[][] byBin = new long[bins][];
        int[] counts = new int[bins];
        for (long due : pass.due) {
            counts[(int) ((due - origin) / bin)]++;
        }
        for (int b = 0; b < bins; b++) {
            byBin[b] = new long[counts[b]];
        }
        int[] filled = new int[bins];
        for (int i = 0; i < pass.due.length; i++) {
            int b = (int) ((pass.due[i] - origin) / bin);
            byBin[b][filled[b]++] = pass.woke[i] - pass.due[i];
        }
        for (int b = 0; b < bins; b++) {
            long[] l = byBin[b];
            if (l.length == 0) {
                continue;
            }
            Arrays.sort(l);
            System.out.printf(Locale.ROOT, "           due %5d ms: %7d  lateness ms p50 %7.2f p99 %7.2f max %7.2f%n", b * 50, l.length,
                    ClockScaleRun.percentile(l, 50) / 1e6, ClockScaleRun.percentile(l, 99) / 1e6, l[l.length - 1] / 1e6);
        }
    }
}
