package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.itest.fixtures.Fixtures;
import dispatch.itest.fixtures.LoadDispatcher;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Services;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;

/**
 * The process runtime in a real Felix, with a module bundle of its own: 10 000 processes × 100
 * yields, a third of them completed on the module's own threads; every yield gets exactly one
 * result and the runtime's counters agree.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ProcessRuntimeIT extends DispatchTestSupport {

    static final int PROCESSES = 10_000;
    static final int YIELDS = 100;

    @Configuration
    public Option[] config() {
        // The core starts only after the barrier was told to wait for the 'load' module too.
        return OptionUtils.combine(DispatchOptions.runtime(Set.of("dispatch.core")),
                Fixtures.module("load", LoadDispatcher.class));
    }

    private ProcessRuntime startRuntime() throws Exception {
        configureBoot("clock,sql,http,load", 30);
        bundle("test.load").start();
        bundle("dispatch.core").start();
        awaitReady();
        return Services.await(context, ProcessRuntime.class, null);
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
                int id = yielded % 3 == 0 ? LoadDispatcher.ASYNC_ECHO : LoadDispatcher.ECHO;
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
    public void tenThousandProcessesTimesHundredYieldsEachGetExactlyOneResult() throws Exception {
        ProcessRuntime runtime = startRuntime();
        RuntimeStats before = runtime.stats();
        AtomicLong delivered = new AtomicLong();
        AtomicInteger wrong = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(PROCESSES);
        long start = System.nanoTime();
        for (int p = 0; p < PROCESSES; p++) {
            runtime.spawn(new Worker(delivered, wrong, done));
        }
        assertTrue("every process got all its results", done.await(120, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("ProcessRuntimeIT: " + PROCESSES + " x " + YIELDS + " yields in " + millis + " ms");

        long total = (long) PROCESSES * YIELDS;
        assertEquals(total, delivered.get());
        assertEquals("results that were not their yield's, or arrived twice", 0, wrong.get());
        RuntimeStats after = awaitNoProcesses(runtime, 20);
        assertEquals(total, after.yields() - before.yields());
        assertEquals(total, after.completions() - before.completions());
        assertEquals(0, after.errors() - before.errors());
        assertEquals(0, after.ignoredCompletions() - before.ignoredCompletions());
        assertEquals(PROCESSES, after.processesSpawned() - before.processesSpawned());
    }

    @Test
    public void stoppingTheCoreEndsEveryProcessWithShutdown() throws Exception {
        ProcessRuntime runtime = startRuntime();
        long stepper = runtime.spawn((events, output) -> Status.WAIT);
        CountDownLatch receiving = new CountDownLatch(1);
        long blocker = runtime.spawn(context -> {
            receiving.countDown();
            context.receive();
        });
        assertTrue(receiving.await(20, TimeUnit.SECONDS));
        var stepperExit = runtime.exitOf(stepper).orElseThrow().toCompletableFuture();
        var blockerExit = runtime.exitOf(blocker).orElseThrow().toCompletableFuture();

        bundle("dispatch.core").stop();

        assertEquals(ExitReason.Kind.SHUTDOWN, stepperExit.get(20, TimeUnit.SECONDS).kind());
        assertEquals(ExitReason.Kind.SHUTDOWN, blockerExit.get(20, TimeUnit.SECONDS).kind());
    }

    @Test
    public void shellCommandsShowTheRuntime() throws Exception {
        startRuntime();
        String demo = shell("dispatch:spawn 20 50");
        assertThat(demo, containsString("20 processes x 50 Exec/Send yields: done"));
        assertThat(demo, containsString("yields 1000, results 1000 (errors 0)"));
        String ping = shell("dispatch:spawn --ping 5 100");
        assertThat(ping, containsString("5 ping-pong pairs x 100 rounds: done"));
        assertThat(shell("dispatch:stats"), containsString("ignored completions"));
        assertThat(shell("dispatch:ps"), containsString("PID"));
    }
}
