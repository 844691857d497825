package dispatch.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class YieldProbeTest {

    private record Echo(String text) implements Command<String> {
        @Override
        public int id() {
            return 256;
        }
    }

    private static final Handler ECHO = (context, command, tag, receiver) ->
            receiver.complete(tag, ((Echo) command).text());

    @Test
    public void theFirstCompletionIsTheResult() {
        YieldProbe yield = new YieldProbe().yieldTo(ECHO, new Echo("hello"));
        assertEquals("hello", yield.value());
        yield.assertCompletedOnce();
    }

    @Test
    public void aSecondCompletionOrAForeignTagIsRefusedAndCounted() {
        YieldProbe yield = new YieldProbe().yieldTo(ECHO, new Echo("once"));
        assertFalse(yield.complete(yield.tag(), "twice"));
        assertFalse(yield.complete(yield.tag() + 1, "elsewhere"));
        assertEquals("once", yield.value());
        assertEquals(3, yield.completions());
        AssertionError failed = assertThrows(AssertionError.class, yield::assertCompletedOnce);
        assertTrue(failed.getMessage(), failed.getMessage().contains("1 after its result, 1 with a foreign tag"));
        YieldProbe foreignOnly = new YieldProbe();
        foreignOnly.complete(foreignOnly.tag() + 1, "elsewhere");
        assertFalse(foreignOnly.isDone());
    }

    @Test
    public void anExceptionFromTheHandlerIsTheErrorResultAsTheRuntimeMakesIt() {
        IllegalStateException thrown = new IllegalStateException("broken");
        YieldProbe failed = new YieldProbe().yieldTo((context, command, tag, receiver) -> {
            throw thrown;
        }, new Echo("x"));
        DispatchException wrapped = failed.error(DispatchException.class);
        assertEquals(DispatchException.HANDLER_FAILED, wrapped.code());
        assertSame(thrown, wrapped.getCause());

        DispatchException refused = new DispatchException(DispatchException.INVALID_ARGUMENT, "no");
        YieldProbe invalid = new YieldProbe().yieldTo((context, command, tag, receiver) -> {
            throw refused;
        }, new Echo("x"));
        assertSame(refused, assertThrows(DispatchException.class, invalid::value));
        invalid.assertCompletedOnce();
    }

    @Test
    public void cancellingRunsTheCancelActionsAndRefusesALateCompletion() {
        YieldProbe yield = new YieldProbe();
        List<String> ran = new ArrayList<>();
        yield.onCancel(() -> ran.add("kept"));
        yield.onCancel(() -> ran.add("closed")).close();
        assertEquals(1, yield.cancelActions());
        yield.cancel();
        assertEquals(List.of("kept"), ran);
        assertTrue(yield.isCancelled());
        assertEquals(DispatchException.CANCELLED, yield.error(DispatchException.class).code());
        yield.assertNeverCompleted();
        assertFalse("refused after cancellation", yield.complete(yield.tag(), "late"));
        assertThrows(AssertionError.class, yield::assertNeverCompleted);
        yield.onCancel(() -> ran.add("after"));
        assertEquals("an action registered after cancellation runs at once", List.of("kept", "after"), ran);
    }

    @Test
    public void aYieldWithATimeoutExpires() {
        YieldProbe yield = new YieldProbe(new ProcessProbe(), Duration.ofMillis(50), false);
        assertTrue(yield.deadlineNanos() != YieldProbe.NO_DEADLINE);
        assertEquals(DispatchException.TIMEOUT, yield.error(DispatchException.class).code());
        assertTrue(yield.isCancelled());
    }

    @Test
    public void anExitingProcessCancelsItsOpenYieldsBeforeItsExitHooksRun() {
        ProcessProbe process = new ProcessProbe();
        YieldProbe open = new YieldProbe(process, null, true);
        YieldProbe done = new YieldProbe(process, null, false).yieldTo(ECHO, new Echo("done"));
        List<String> order = new ArrayList<>();
        open.onCancel(() -> order.add("cancel"));
        process.onExit(() -> order.add("exit"));
        assertTrue(open.callerWaits());
        assertTrue(process.send("message"));
        process.exit();
        assertEquals(List.of("cancel", "exit"), order);
        open.assertNeverCompleted();
        done.assertCompletedOnce();
        assertFalse(process.isAlive());
        assertFalse("a dead process takes no message", process.send("too late"));
        assertEquals(List.of("message"), List.copyOf(process.received()));
        assertTrue("a yield of an ended process is cancelled at once", new YieldProbe(process, null, false).isCancelled());
    }

    @Test
    public void aProcessEndedUnnoticedRefusesMessagesButKeepsItsHooksUntilItExits() {
        ProcessProbe process = new ProcessProbe();
        YieldProbe open = new YieldProbe(process, null, false);
        List<String> order = new ArrayList<>();
        process.onExit(() -> order.add("exit"));
        process.onExit(() -> order.add("closed")).close();
        assertEquals(1, process.exitHooks());
        process.endUnnoticed();
        assertFalse(process.isAlive());
        assertFalse(process.send("lost"));
        assertFalse("not cancelled yet", open.isCancelled());
        assertFalse("but no completion is taken any more", open.complete(open.tag(), "late"));
        assertEquals(List.of(), order);
        process.exit();
        assertEquals(List.of("exit"), order);
        assertEquals(0, process.exitHooks());
        assertTrue(open.isCancelled());
    }

    @Test
    public void theCompletionHookRunsBeforeTheCompletionIsTaken() {
        YieldProbe yield = new YieldProbe();
        boolean[] doneInHook = {true};
        yield.beforeCompletion(() -> doneInHook[0] = yield.isDone()).yieldTo(ECHO, new Echo("now"));
        assertFalse(doneInHook[0]);
        assertEquals("now", yield.value());
    }
}
