package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

/**
 * What a process gets for a programming error of its own, as the guide describes it: yielding
 * {@code null} is a {@link NullPointerException} thrown where it yielded (a step process that
 * lets it escape ends failed, its other yields cancelled; a blocking process may catch it and go
 * on), and an invalid command ID is an error result, never a crash of a worker.
 */
public class ProgrammingErrorsTest {

    private static final String NULL_YIELD = "a process yielded null instead of a command";

    @Rule
    public final Harness harness = new Harness();

    @Test
    public void aStepProcessThatYieldsNullEndsFailedAndItsOtherYieldsAreCancelled() throws Exception {
        long pid = harness.runtime.spawn(new Harness.Script((events, output) -> {
            output.yield(new TestCommands.Hold("outstanding"));
            output.yield(null);
            return Status.WAIT;
        }));
        Harness.Held outstanding = Harness.take(harness.commands);

        ExitReason exit = harness.awaitExit(pid);
        assertEquals(ExitReason.Kind.FAILED, exit.kind());
        assertTrue(String.valueOf(exit.cause()), exit.cause() instanceof NullPointerException);
        assertEquals(NULL_YIELD, exit.cause().getMessage());
        assertTrue("the handler sees its yield cancelled", outstanding.cancelled());
        assertTrue("the workers carry on", harness.awaitExit(harness.runtime.spawn(
                new Harness.Script((events, output) -> Status.DONE))).isNormal());
    }

    @Test
    public void aBlockingProcessCatchesANullYieldAndGoesOn() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        long pid = harness.runtime.spawn(context -> {
            try {
                context.call(null);
                seen.complete("no exception");
            } catch (NullPointerException expected) {
                seen.complete(expected.getMessage() + "; then " + context.call(new TestCommands.Echo("more")));
            }
        });
        assertEquals(NULL_YIELD + "; then more", seen.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(harness.awaitExit(pid).isNormal());
    }

    @Test
    public void anInvalidCommandIdIsAnErrorResult() throws Exception {
        CompletableFuture<DispatchException> seen = new CompletableFuture<>();
        harness.runtime.spawn(context -> {
            try {
                context.call(new DispatchPathTest.Raw(-7));
            } catch (DispatchException expected) {
                seen.complete(expected);
            }
        });
        DispatchException error = seen.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(DispatchException.UNKNOWN_COMMAND, error.code());
        assertEquals("unknown command ID -7 (it is not a valid command ID (1-65535))", error.getMessage());
    }
}
