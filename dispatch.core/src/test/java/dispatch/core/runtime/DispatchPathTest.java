package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.api.process.Cancel;
import dispatch.api.process.Event;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import dispatch.core.registry.Claimant;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;

/** The path yield → registry → handler → result, and its failures. */
public class DispatchPathTest {

    @Rule
    public final Harness harness = new Harness();

    /** Yields one command, then ends as soon as its result arrived. */
    private Harness.Script yieldOnce(Command<?> command) {
        AtomicInteger steps = new AtomicInteger();
        return new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(command);
                return Status.WAIT;
            }
            return Status.DONE;
        });
    }

    private Object[] onlyEvent(Harness.Script script) {
        assertEquals("exactly one event", 1, script.seen.size());
        return script.seen.get(0);
    }

    @Test
    public void echoCompletesOnTheYieldingThread() throws Exception {
        Harness.Script script = yieldOnce(new TestCommands.Echo("hello"));
        long pid = harness.runtime.spawn(script);
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(pid));
        Object[] event = onlyEvent(script);
        assertEquals(Event.Kind.RESULT, event[0]);
        assertEquals("hello", event[2]);
        assertNull(event[3]);
    }

    @Test
    public void unknownCustomIdIsAnErrorNamingTheId() throws Exception {
        Harness.Script script = yieldOnce(new Raw(4242));
        harness.awaitExit(harness.runtime.spawn(script));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.UNKNOWN_COMMAND, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains("4242"));
        assertTrue(error.getMessage(), error.getMessage().contains("custom range"));
    }

    @Test
    public void aCommandOfTheWrongTypeForATypedHandlerIsAnInvalidArgument() throws Exception {
        Harness.Script script = yieldOnce(new Raw(TestCommands.Echo.ID));
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(harness.runtime.spawn(script)));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.INVALID_ARGUMENT, error.code());
        assertEquals("command ID 256 expects a " + TestCommands.Echo.class.getName() + ", got a "
                + Raw.class.getName(), error.getMessage());
    }

    @Test
    public void unknownSystemIdNamesItsRange() throws Exception {
        Harness.Script script = yieldOnce(new Raw(61));
        harness.awaitExit(harness.runtime.spawn(script));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.UNKNOWN_COMMAND, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains("61") && error.getMessage().contains("60-79")
                && error.getMessage().contains("http"));
    }

    @Test
    public void invalidIdIsUnknownToo() throws Exception {
        Harness.Script script = yieldOnce(new Raw(-5));
        harness.awaitExit(harness.runtime.spawn(script));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.UNKNOWN_COMMAND, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains("-5"));
    }

    @Test
    public void departedModuleIsUnavailableNamingTheModule() throws Exception {
        Dispatcher leaving = new Dispatcher() {
            @Override
            public String moduleName() {
                return "leaving";
            }

            @Override
            public void registerAll(Registrar registrar) {
                registrar.register(300, "Gone", (context, command, tag, receiver) -> receiver.complete(tag, 1));
            }
        };
        harness.registry.allowLateCustomModules(true);
        harness.registry.register(new Claimant("leaving", "leaving.bundle", 99), leaving);
        harness.registry.unregister(99);
        Harness.Script script = yieldOnce(new Raw(300));
        harness.awaitExit(harness.runtime.spawn(script));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.MODULE_UNAVAILABLE, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains("leaving"));
    }

    @Test
    public void throwingHandlerIsAnErrorWithTheCause() throws Exception {
        Harness.Script script = yieldOnce(new TestCommands.Throw("boom"));
        harness.awaitExit(harness.runtime.spawn(script));
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.HANDLER_FAILED, error.code());
        assertTrue(error.getCause() instanceof IllegalStateException);
        assertEquals("boom", error.getCause().getMessage());
        assertEquals(1, harness.runtime.stats().errors());
    }

    @Test
    public void doubleCompletionIsIgnoredAndCounted() throws Exception {
        Harness.Script script = yieldOnce(new TestCommands.Twice("first"));
        harness.awaitExit(harness.runtime.spawn(script));
        assertEquals("first", onlyEvent(script)[2]);
        assertEquals(1, harness.runtime.stats().ignoredCompletions());
        assertEquals(1, harness.runtime.stats().completions());
    }

    @Test
    public void completionOfAnUnknownTagIsIgnoredAndCounted() throws Exception {
        Harness.Script script = yieldOnce(new TestCommands.Hold("x"));
        long pid = harness.runtime.spawn(script);
        Harness.Held held = Harness.take(harness.commands);
        assertFalse(held.held().receiver().complete(held.tag() + (1L << SlotTable.INDEX_BITS), "wrong"));
        assertFalse(held.held().receiver().complete(-1, "negative"));
        assertTrue(held.complete("right"));
        harness.awaitExit(pid);
        assertEquals("right", onlyEvent(script)[2]);
        assertEquals(2, harness.runtime.stats().ignoredCompletions());
    }

    @Test
    public void cancelGivesCancelledResultAndLaterCompletionIsIgnored() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        AtomicLong heldTag = new AtomicLong();
        AtomicInteger results = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            results.addAndGet(events.size());
            switch (steps.getAndIncrement()) {
                case 0 -> {
                    heldTag.set(output.yield(new TestCommands.Hold("cancel me")));
                    return Status.CONTINUE;
                }
                case 1 -> {
                    output.yield(new Cancel(heldTag.get()));
                    return Status.WAIT;
                }
                default -> {
                    return results.get() == 2 ? Status.DONE : Status.WAIT;
                }
            }
        });
        long pid = harness.runtime.spawn(script);
        Harness.Held held = Harness.take(harness.commands);
        harness.awaitExit(pid);
        assertTrue("the handler saw the cancellation", held.cancelled());
        assertEquals(1, harness.commands.cancelActions.get());
        assertFalse("completion after cancel is refused", held.complete("too late"));
        List<Object[]> seen = script.seen;
        assertEquals(2, seen.size());
        Object[] cancelled = seen.stream().filter(e -> (long) e[1] == heldTag.get()).findFirst().orElseThrow();
        assertEquals(DispatchException.CANCELLED, ((DispatchException) cancelled[3]).code());
        Object[] cancelResult = seen.stream().filter(e -> (long) e[1] != heldTag.get()).findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, cancelResult[2]);
        assertEquals(1, harness.runtime.stats().ignoredCompletions());
    }

    @Test
    public void deadlineGivesTimeoutAndCancelsTheHandler() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new TestCommands.Hold("slow"), Duration.ofMillis(30));
                return Status.WAIT;
            }
            return Status.DONE;
        });
        long pid = harness.runtime.spawn(script);
        Harness.Held held = Harness.take(harness.commands);
        harness.awaitExit(pid);
        DispatchException error = (DispatchException) onlyEvent(script)[3];
        assertEquals(DispatchException.TIMEOUT, error.code());
        assertTrue(held.cancelled());
        assertFalse(held.complete("late"));
    }

    @Test
    public void deadlineOfACompletedYieldDoesNothing() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            int step = steps.getAndIncrement();
            if (step < 200) {
                output.yield(new TestCommands.Echo(step), Duration.ofMillis(20)); // slots are reused 200 times
                return Status.WAIT;
            }
            return Status.DONE;
        });
        harness.awaitExit(harness.runtime.spawn(script));
        assertEquals(200, script.seen.size());
        assertTrue(script.seen.stream().allMatch(e -> e[3] == null));
        assertEquals(0, harness.runtime.pendingDeadlines());
    }

    @Test
    public void pooledCommandIsReleasedOnceItsResultArrived() throws Exception {
        TestCommands.Pooled pooled = new TestCommands.Pooled();
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() < 50) {
                output.yield(pooled);
                return Status.WAIT;
            }
            return Status.DONE;
        });
        harness.awaitExit(harness.runtime.spawn(script));
        assertEquals(50, pooled.releases.get());
    }

    @Test
    public void throwingStepEndsTheProcessAsFailed() throws Exception {
        long pid = harness.runtime.spawn((events, output) -> {
            throw new IllegalArgumentException("bad step");
        });
        ExitReason reason = harness.awaitExit(pid);
        assertEquals(ExitReason.Kind.FAILED, reason.kind());
        assertTrue(reason.cause() instanceof IllegalArgumentException);
    }

    /** A command with any ID, for IDs nobody handles. */
    record Raw(int id) implements Command<Object> {
    }
}
