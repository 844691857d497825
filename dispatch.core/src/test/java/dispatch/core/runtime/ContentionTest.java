package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;

/** Exactly-once delivery and the scheduling state machine under contention. */
public class ContentionTest {

    @Rule
    public final Harness harness = new Harness();

    /**
     * Yields {@code total} commands, at most {@code window} at a time, and checks that every
     * tag comes back exactly once and that no two workers ever run it at the same time.
     */
    static final class Checker implements StepProcess {
        final int total;
        final int window;
        final Set<Long> outstanding = new HashSet<>();
        final AtomicBoolean inStep = new AtomicBoolean();
        final AtomicInteger overlaps;
        final AtomicInteger unexpected;
        final CountDownLatch done;
        final boolean relay;
        int yielded;
        int received;

        Checker(int total, int window, boolean relay, AtomicInteger overlaps, AtomicInteger unexpected, CountDownLatch done) {
            this.total = total;
            this.window = window;
            this.relay = relay;
            this.overlaps = overlaps;
            this.unexpected = unexpected;
            this.done = done;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            if (!inStep.compareAndSet(false, true)) {
                overlaps.incrementAndGet();
            }
            try {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    if (event.kind() != Event.Kind.RESULT || event.failed() || !outstanding.remove(event.tag())) {
                        unexpected.incrementAndGet();
                    }
                    received++;
                }
                while (yielded < total && outstanding.size() < window) {
                    Object value = yielded;
                    long tag = relay ? output.yield(new TestCommands.Relay(yielded))
                            : yielded % 3 == 0 ? output.yield(new TestCommands.Echo(value))
                            : output.yield(new TestCommands.AsyncEcho(value));
                    yielded++;
                    if (!outstanding.add(tag)) {
                        unexpected.incrementAndGet(); // a tag given twice
                    }
                }
                if (received == total) {
                    done.countDown();
                    return Status.DONE;
                }
                return Status.WAIT;
            } finally {
                inStep.set(false);
            }
        }
    }

    @Test
    public void thousandProcessesTimesHundredYieldsAllDeliveredOnce() throws Exception {
        int processes = 1000;
        int yields = 100;
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(processes);
        List<Long> pids = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            pids.add(harness.runtime.spawn(new Checker(yields, 1 + p % 16, false, overlaps, unexpected, done)));
        }
        assertTrue("all processes finished", done.await(60, TimeUnit.SECONDS));
        for (long pid : pids) {
            assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(pid));
        }
        assertEquals(0, overlaps.get());
        assertEquals(0, unexpected.get());
        var stats = harness.runtime.stats();
        assertEquals(processes * (long) yields, stats.yields());
        assertEquals(processes * (long) yields, stats.completions());
        assertEquals(0, stats.errors());
        assertEquals(0, stats.ignoredCompletions());
        assertEquals(0, stats.processesLive());
    }

    @Test
    public void racingCompletersDeliverEachTagOnceAndWakeUpsAreNeverLost() throws Exception {
        int processes = 8;
        int yields = 20_000;
        int completers = 4;
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicLong delivered = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch done = new CountDownLatch(processes);
        // every yield is completed exactly twice: this counts the attempts down to zero
        CountDownLatch attempts = new CountDownLatch(2 * processes * yields);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        // Every yield is completed twice, by two threads racing (the one that took it from the
        // relay, and whichever takes it from the second queue): exactly one may win.
        java.util.concurrent.ConcurrentLinkedQueue<TestCommands.Held> again = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int c = 0; c < completers; c++) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    TestCommands.Held second = again.poll();
                    if (second != null) {
                        count(second.receiver().complete(second.tag(), second.tag()), delivered, refused, attempts);
                    }
                    TestCommands.Held first;
                    try {
                        first = harness.commands.relay.poll(second == null ? 1 : 0, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (first != null) {
                        again.add(first);
                        count(first.receiver().complete(first.tag(), first.tag()), delivered, refused, attempts);
                    }
                }
            }, "completer-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (int p = 0; p < processes; p++) {
            harness.runtime.spawn(new Checker(yields, 128, true, overlaps, unexpected, done));
        }
        try {
            assertTrue("no process was left waiting", done.await(120, TimeUnit.SECONDS));
            assertTrue("the completers made every second completion", attempts.await(120, TimeUnit.SECONDS));
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
        }
        assertEquals(0, overlaps.get());
        assertEquals(0, unexpected.get());
        long total = processes * (long) yields;
        assertEquals(total, delivered.get());
        assertEquals(harness.runtime.stats().completions(), total);
        assertEquals(refused.get(), harness.runtime.stats().ignoredCompletions());
        assertEquals("every second completion was refused", total, refused.get());
    }

    private static void count(boolean accepted, AtomicLong delivered, AtomicLong refused, CountDownLatch attempts) {
        (accepted ? delivered : refused).incrementAndGet();
        attempts.countDown();
    }
}
