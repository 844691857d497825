package dispatch.itest.osgi;

import static dispatch.itest.osgi.BootTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.api.Command;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.test.common.annotation.InjectInstalledBundle;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

/**
 * The process runtime in a real Felix, with a module bundle of its own: 10 000 processes × 100
 * yields, a third of them completed on the module's own threads; every yield gets exactly one
 * result and the runtime's counters agree.
 */
@WithConfiguration(pid = "dispatch.boot", location = "?", properties = {
        @Property(key = "required.modules", value = "clock,sql,http,load"),
        @Property(key = "timeout.seconds", value = "30")})
class ProcessRuntimeTest extends CoreBootingTest {

    static final int PROCESSES = 10_000;
    static final int YIELDS = 100;

    /** The 'load' module's IDs (fixture test.load, whose classes this bundle does not see). */
    static final int ECHO = 400;
    static final int ASYNC_ECHO = 401;

    /** Boots the core with the 'load' module, which the configuration makes a required one. */
    private ProcessRuntime startRuntime(Bundle load) throws Exception {
        load.start();
        core.start();
        DispatchTesting.awaitReady(context, Duration.ofSeconds(30));
        return DispatchTesting.runtime(context, Duration.ofSeconds(30));
    }

    /** A command of the 'load' module; its handler lives in the other bundle and sees only the ID. */
    record Load(int id) implements Command<Long> {
    }

    /** Yields {@link #YIELDS} commands, up to four at a time; checks every result against its tag. */
    static final class Worker implements StepProcess {
        private final Set<Long> outstanding = new HashSet<>();
        private final AtomicLong delivered;
        private final AtomicInteger wrong;
        private final CountDownLatch done;
        private int yielded;
        private int received;

        Worker(AtomicLong delivered, AtomicInteger wrong, CountDownLatch done) {
            this.delivered = delivered;
            this.wrong = wrong;
            this.done = done;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                boolean mine = event.kind() == Event.Kind.RESULT && !event.failed()
                        && Long.valueOf(event.tag()).equals(event.value()) && outstanding.remove(event.tag());
                if (!mine) {
                    wrong.incrementAndGet();
                }
                received++;
                delivered.incrementAndGet();
            }
            while (yielded < YIELDS && outstanding.size() < 4) {
                int id = yielded % 3 == 0 ? ASYNC_ECHO : ECHO;
                outstanding.add(output.yield(new Load(id)));
                yielded++;
            }
            if (received == YIELDS) {
                done.countDown();
                return Status.DONE;
            }
            return Status.WAIT;
        }
    }

    @Test
    void tenThousandProcessesTimesHundredYieldsEachGetExactlyOneResult(
            @InjectInstalledBundle("fixtures/load.jar") Bundle load) throws Exception {
        ProcessRuntime runtime = startRuntime(load);
        RuntimeStats before = runtime.stats();
        AtomicLong delivered = new AtomicLong();
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(PROCESSES);
        long start = System.nanoTime();
        for (int p = 0; p < PROCESSES; p++) {
            runtime.spawn(new Worker(delivered, wrong, done));
        }
        assertTrue(done.await(120, TimeUnit.SECONDS), "every process got all its results");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("ProcessRuntimeTest: " + PROCESSES + " x " + YIELDS + " yields in " + millis + " ms");

        long total = (long) PROCESSES * YIELDS;
        assertEquals(total, delivered.get());
        assertEquals(0, wrong.get(), "results that were not their yield's, or arrived twice");
        RuntimeStats after = DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(20));
        assertEquals(total, after.yields() - before.yields());
        assertEquals(total, after.completions() - before.completions());
        assertEquals(0, after.errors() - before.errors());
        assertEquals(0, after.ignoredCompletions() - before.ignoredCompletions());
        assertEquals(PROCESSES, after.processesSpawned() - before.processesSpawned());
    }

    @Test
    void stoppingTheCoreEndsEveryProcessWithShutdown(@InjectInstalledBundle("fixtures/load.jar") Bundle load)
            throws Exception {
        ProcessRuntime runtime = startRuntime(load);
        long stepper = runtime.spawn((events, output) -> Status.WAIT);
        CountDownLatch receiving = new CountDownLatch(1);
        long blocker = runtime.spawn(context -> {
            receiving.countDown();
            context.receive();
        });
        assertTrue(receiving.await(20, TimeUnit.SECONDS));
        var stepperExit = runtime.exitOf(stepper).orElseThrow().toCompletableFuture();
        var blockerExit = runtime.exitOf(blocker).orElseThrow().toCompletableFuture();

        core.stop();

        assertEquals(ExitReason.Kind.SHUTDOWN, stepperExit.get(20, TimeUnit.SECONDS).kind());
        assertEquals(ExitReason.Kind.SHUTDOWN, blockerExit.get(20, TimeUnit.SECONDS).kind());
    }

    @Test
    void shellCommandsShowTheRuntime(@InjectInstalledBundle("fixtures/load.jar") Bundle load) throws Exception {
        startRuntime(load);
        String demo = shell("dispatch:spawn 20 50");
        assertContains(demo, "20 processes x 50 Exec/Send yields: done");
        assertContains(demo, "yields 1000, results 1000 (errors 0)");
        assertContains(shell("dispatch:spawn --ping 5 100"), "5 ping-pong pairs x 100 rounds: done");
        assertContains(shell("dispatch:stats"), "ignored completions");
        assertContains(shell("dispatch:ps"), "PID");
    }
}
