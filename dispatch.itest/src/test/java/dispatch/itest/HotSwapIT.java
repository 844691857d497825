package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.itest.fixtures.Fixtures;
import dispatch.itest.fixtures.SwapDispatcher;
import dispatch.itest.fixtures.SwapDispatcherNewCode;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Revisions;
import dispatch.itest.support.Services;
import dispatch.testing.DispatchTesting;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/**
 * Hot swap of a custom module (IDs 500, 501) in a real Felix: serve, update to a new revision,
 * refresh, serve the new result; the same 50 times under the load of 10 000 processes while
 * the module is also stopped and started, with every yield answered exactly once and the old
 * revisions' class loaders collectable; and the refusal of a late module in production mode.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class HotSwapIT extends DispatchTestSupport {

    static final int CYCLES = 50;
    static final int PROCESSES = 10_000;
    static final long GRACE_MILLIS = 200;
    /** Revision {@code NEW_CODE} of the module holds {@link SwapDispatcherNewCode}. */
    static final int NEW_CODE = 1000;

    @Configuration
    public Option[] config() throws IOException {
        // The module's revisions are built here, outside the framework; the tests install them from files.
        File directory = new File("target/swap-bundles").getAbsoluteFile();
        for (int revision = 1; revision <= CYCLES + 1; revision++) {
            Fixtures.swapRevision(directory, revision, SwapDispatcher.class);
        }
        Fixtures.swapRevision(directory, NEW_CODE, SwapDispatcherNewCode.class);
        // The core starts only after the test configured it (development mode, grace period).
        return OptionUtils.combine(DispatchOptions.runtime(Set.of("dispatch.core")),
                systemProperty("dispatch.swap.dir").value(directory.getPath()));
    }

    private static InputStream revision(int revision) throws IOException {
        return new FileInputStream(new File(System.getProperty("dispatch.swap.dir"), "swap-" + revision + ".jar"));
    }

    private ProcessRuntime start(boolean development) throws Exception {
        Dictionary<String, Object> runtime = new Hashtable<>();
        runtime.put("module.leave.grace.ms", GRACE_MILLIS);
        configure("dispatch.runtime", runtime);
        configureBoot("clock,sql,http", 30, development);
        bundle("dispatch.core").start();
        awaitReady();
        return Services.await(context, ProcessRuntime.class, null);
    }

    private Bundle installSwap(int revision) throws Exception {
        try (InputStream jar = revision(revision)) {
            Bundle swap = context.installBundle("test:swap", jar);
            swap.start();
            return swap;
        }
    }

    /** Yields {@code command} from a blocking process and returns its value, or its error. */
    private static Object call(ProcessRuntime runtime, Command<?> command) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        runtime.spawn((BlockingProcess) context -> {
            try {
                outcome.complete(context.call(command, Duration.ofSeconds(10)));
            } catch (DispatchException error) {
                outcome.complete(error);
            }
        });
        return outcome.get(20, TimeUnit.SECONDS);
    }

    /** The line of {@code dispatch:commands} for {@code id}. */
    private String commandLine(int id) throws Exception {
        return shell("dispatch:commands").lines().filter(line -> line.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for ID " + id));
    }

    @Test
    public void anUpdatedAndRefreshedModuleServesItsNewRevision() throws Exception {
        ProcessRuntime runtime = start(true);
        Bundle swap = installSwap(1);
        assertEquals("revision 1", call(runtime, new Chaos.Custom(SwapDispatcher.VALUE)));
        assertEquals("revision 1", call(runtime, new Chaos.Custom(SwapDispatcher.ASYNC_VALUE)));
        assertTrue(commandLine(500), commandLine(500).matches("500\\s+SwapValue\\s+swap\\s+test\\.swap 1\\.0\\.0\\s+"
                + swap.getBundleId() + "\\s+1\\s+\\S+ \\S+\\s+available"));

        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<ClassLoader> first = Revisions.classLoader(swap, SwapDispatcher.class, queue);
        try (InputStream jar = revision(NEW_CODE)) {
            swap.update(jar);
        }
        Revisions.refresh(context, swap);

        assertEquals("new code, revision 1000", call(runtime, new Chaos.Custom(SwapDispatcher.VALUE)));
        assertEquals("NEW CODE, REVISION 1000", call(runtime, new Chaos.Custom(SwapDispatcher.ASYNC_VALUE)));
        assertTrue("the shell shows the bundle's second revision serving: " + commandLine(500), commandLine(500)
                .matches("500\\s+SwapValue\\s+swap\\s+test\\.swap 1\\.0\\.0\\s+" + swap.getBundleId()
                        + "\\s+2\\s+\\S+ \\S+\\s+available"));
        Revisions.awaitCollected(queue, new HashSet<>(Set.of(first)), Services.TIMEOUT_MILLIS);

        swap.stop();
        DispatchException away = (DispatchException) call(runtime, new Chaos.Custom(SwapDispatcher.VALUE));
        assertEquals(DispatchException.MODULE_UNAVAILABLE, away.code());
        assertThat(away.getMessage(), containsString("module 'swap' (bundle test.swap 1.0.0)"));
        assertThat(commandLine(500), containsString("unavailable"));
    }

    @Test
    public void fiftySwapsUnderTheLoadOfTenThousandProcessesLoseNoYield() throws Exception {
        ProcessRuntime runtime = start(true);
        Bundle swap = installSwap(1);
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        Set<WeakReference<ClassLoader>> oldLoaders = Collections.synchronizedSet(new HashSet<>());
        oldLoaders.add(Revisions.classLoader(swap, SwapDispatcher.class, queue));

        // A first round fills the thread pools, so that the thread count before is a fair baseline.
        Chaos warmUp = new Chaos(PROCESSES, 8);
        for (int p = 0; p < PROCESSES; p++) {
            runtime.spawn(warmUp.worker());
        }
        assertTrue("the warm-up ended", warmUp.done.await(120, TimeUnit.SECONDS));
        assertEquals(0, warmUp.unavailable.sum() + warmUp.left.sum() + warmUp.otherErrors.sum());
        RuntimeStats before = DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(30));
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

        Chaos chaos = new Chaos(PROCESSES, Integer.MAX_VALUE);
        for (int p = 0; p < PROCESSES; p++) {
            runtime.spawn(chaos.worker());
        }
        long start = System.nanoTime();
        List<Long> updateToFirstResult = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            swap.stop();
            swap.start();
            int next = cycle + 1;
            CompletableFuture<Long> firstResult = chaos.firstResult("revision " + next);
            long updated = System.nanoTime();
            try (InputStream jar = revision(next)) {
                swap.update(jar);
            }
            long seen = firstResult.get(30, TimeUnit.SECONDS);
            updateToFirstResult.add(seen - updated);
            Revisions.refresh(context, swap);
            if (next <= CYCLES) {
                oldLoaders.add(Revisions.classLoader(swap, SwapDispatcher.class, queue));
            }
        }
        long chaosNanos = System.nanoTime() - start;
        chaos.stop();
        assertTrue("every process got all its results and ended: " + chaos.done.getCount() + " left",
                chaos.done.await(120, TimeUnit.SECONDS));
        RuntimeStats after = DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(30));

        long yields = chaos.yields.sum();
        report(chaos, chaosNanos, updateToFirstResult, after.ignoredCompletions() - before.ignoredCompletions());
        assertEquals("results that were not an outstanding yield's (twice, or another's)", 0, chaos.notMine.sum());
        assertEquals("errors other than module-unavailable and module-left: " + chaos.firstOtherError.get(),
                0, chaos.otherErrors.sum());
        assertEquals("every yield got exactly one result",
                yields, chaos.successes.sum() + chaos.unavailable.sum() + chaos.left.sum());
        assertEquals("the runtime counted the same yields", yields, after.yields() - before.yields());
        assertEquals("the runtime counted the same results", yields, after.completions() - before.completions());
        assertEquals("the runtime counted the same errors", chaos.unavailable.sum() + chaos.left.sum(),
                after.errors() - before.errors());
        assertTrue("the module was away at times", chaos.unavailable.sum() > 0);

        int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
        assertTrue("threads before " + threadsBefore + ", after " + threadsAfter
                + " (each revision of the module had 2 threads of its own)", threadsAfter <= threadsBefore + 8);
        assertEquals(Bundle.ACTIVE, swap.getState());
        Revisions.awaitCollected(queue, oldLoaders, 30_000);
        System.out.println("HotSwapIT: threads before " + threadsBefore + ", after " + threadsAfter
                + "; class loaders of revisions 1-" + CYCLES + " collected");
        assertEquals("revision " + (CYCLES + 1), call(runtime, new Chaos.Custom(SwapDispatcher.ASYNC_VALUE)));
    }

    private static void report(Chaos chaos, long nanos, List<Long> latencies, long ignored) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.println(String.format(Locale.ROOT,
                "HotSwapIT: %d processes, %d cycles (stop, start, update, refresh) in %.1f s; %d yields (%d custom):"
                        + " %d results, %d module-unavailable, %d module-left, %d other errors; %d late completions"
                        + " ignored%nHotSwapIT: update -> first result of the new revision: min %.1f ms, median %.1f ms,"
                        + " p90 %.1f ms, max %.1f ms",
                PROCESSES, CYCLES, nanos / 1e9, chaos.yields.sum(), chaos.customYields.sum(), chaos.successes.sum(),
                chaos.unavailable.sum(), chaos.left.sum(), chaos.otherErrors.sum(), ignored,
                sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6));
    }

    @Test
    public void inProductionALateCustomModuleIsRefusedAndTheShellSaysWhy() throws Exception {
        ProcessRuntime runtime = start(false);
        Bundle swap = installSwap(1);
        assertEquals("the framework carries on", Bundle.ACTIVE, swap.getState());
        String why = "module 'swap' (bundle test.swap 1.0.0) was deployed after the registry froze and claims custom"
                + " IDs 500-501 that no module held then: only development mode (development=true in configuration"
                + " dispatch.boot) takes new custom modules after the boot";
        String boot = shell("dispatch:boot");
        assertThat(boot, containsString("dispatch: READY"));
        assertThat(boot, containsString("refused: " + why));
        String commands = shell("dispatch:commands");
        assertThat(commands, containsString("custom modules: production mode (late ones are refused)"));
        assertThat(commands, containsString("refused: " + why));
        assertFalse("no route for the refused module", commands.lines().anyMatch(line -> line.startsWith("500 ")));
        DispatchException unknown = (DispatchException) call(runtime, new Chaos.Custom(SwapDispatcher.VALUE));
        assertEquals(DispatchException.UNKNOWN_COMMAND, unknown.code());

        swap.uninstall();
        assertFalse("a refusal goes with its service", shell("dispatch:boot").contains("refused"));
    }
}
