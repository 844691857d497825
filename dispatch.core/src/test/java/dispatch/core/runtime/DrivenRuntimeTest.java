package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import dispatch.api.process.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Rule;
import org.junit.Test;

/** A runtime without workers, driven by the caller: slices, fairness and the state machine. */
public class DrivenRuntimeTest {

    @Rule
    public final Harness harness = new Harness().with(RuntimeSettings.defaults().withWorkers(0).withStepsPerSlice(10));

    @Test
    public void sameThreadCompletionsRunWithinOneSliceUpToTheBudget() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        long pid = harness.runtime.spawn((events, output) -> {
            if (steps.incrementAndGet() <= 25) {
                output.yield(new TestCommands.Echo("again"));
                return Status.WAIT;
            }
            return Status.DONE;
        });
        assertEquals("RUNNABLE", harness.runtime.info(pid).orElseThrow().state());
        assertTrue(harness.runtime.drive());
        assertEquals("one slice is the budget", 10, steps.get());
        assertTrue(harness.runtime.drive());
        assertEquals(20, steps.get());
        assertTrue(harness.runtime.drive());
        assertEquals(26, steps.get());
        assertFalse(harness.runtime.drive());
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(pid));
    }

    @Test
    public void waitingProcessIsScheduledOnceByManyEvents() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        long pid = harness.runtime.spawn((batch, output) -> {
            steps.incrementAndGet();
            events.addAndGet(batch.size());
            return Status.WAIT;
        });
        assertTrue(harness.runtime.drive());
        assertEquals("WAITING", harness.runtime.info(pid).orElseThrow().state());
        for (int i = 0; i < 5; i++) {
            assertTrue(harness.runtime.send(pid, i));
        }
        assertEquals("RUNNABLE", harness.runtime.info(pid).orElseThrow().state());
        assertEquals(5, harness.runtime.info(pid).orElseThrow().queued());
        assertTrue(harness.runtime.drive());
        assertFalse("queued once, not five times", harness.runtime.drive());
        assertEquals(2, steps.get());
        assertEquals(5, events.get());
        assertEquals(0, harness.runtime.info(pid).orElseThrow().queued());
    }

    @Test
    public void continueRunsAgainWithoutEvents() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        long pid = harness.runtime.spawn((events, output) -> steps.incrementAndGet() < 15 ? Status.CONTINUE : Status.DONE);
        assertTrue(harness.runtime.drive());
        assertEquals(10, steps.get());
        assertTrue(harness.runtime.drive());
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(pid));
        assertEquals(15, steps.get());
    }

    @Test
    public void eventsLeftAtTheEndOfASliceStayWithTheirProcessAndInOrder() throws Exception {
        List<Object> seenByFirst = new ArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        long first = harness.runtime.spawn((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                seenByFirst.add(event.kind() == Event.Kind.MESSAGE ? "message " + event.value() : "result " + event.value());
            }
            if (steps.incrementAndGet() <= 10) {
                output.yield(new TestCommands.Echo(steps.get()));
            }
            return steps.get() > 10 ? Status.DONE : Status.WAIT;
        });
        assertTrue(harness.runtime.drive()); // ten steps; the tenth's result is left over
        assertTrue(harness.runtime.send(first, "late"));
        List<Integer> seenBySecond = new ArrayList<>();
        long second = harness.runtime.spawn((events, output) -> {
            seenBySecond.add(events.size());
            return Status.DONE;
        });
        assertTrue(harness.runtime.drive());
        assertTrue(harness.runtime.drive());
        assertFalse(harness.runtime.drive());
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(second));
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(first));
        assertEquals("the other process never sees them", List.of(0), seenBySecond);
        assertEquals("result 10", seenByFirst.get(9));
        assertEquals("message late", seenByFirst.get(10));
        assertEquals(11, seenByFirst.size());
    }
}
