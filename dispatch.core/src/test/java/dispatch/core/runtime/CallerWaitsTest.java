package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.Outcome;
import dispatch.api.process.Status;
import dispatch.api.process.StepProcess;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** {@code YieldContext.callerWaits()}: true only for {@code ProcessContext.call}, on the process's own thread. */
public class CallerWaitsTest {

    /** Completes with what its handler saw: whether the caller waits. */
    record Probe() implements Command<Boolean> {
        @Override
        public int id() {
            return 300;
        }
    }

    private DispatchRuntime runtime;

    @Before
    public void setUp() throws Exception {
        CommandRegistry registry = new CommandRegistry();
        registry.register(new Claimant("probe", "test", 1), new Dispatcher() {
            @Override
            public String moduleName() {
                return "probe";
            }

            @Override
            public void registerAll(Registrar registrar) {
                registrar.register(300, "Probe", (context, command, tag, receiver) -> receiver.complete(tag, context.callerWaits()));
            }
        });
        registry.freeze();
        runtime = new DispatchRuntime(registry, RuntimeSettings.defaults().withWorkers(1));
    }

    @After
    public void tearDown() {
        runtime.close();
    }

    @Test
    public void onlyASingleCallOfABlockingProcessWaits() throws Exception {
        CompletableFuture<List<Boolean>> seen = new CompletableFuture<>();
        runtime.spawn((BlockingProcess) process -> {
            boolean call = process.call(new Probe());
            List<Outcome<?>> all = process.callAll(List.of(new Probe(), new Probe()));
            seen.complete(List.of(call, (Boolean) all.get(0).get(), (Boolean) all.get(1).get()));
        });
        assertEquals(List.of(true, false, false), seen.get(20, TimeUnit.SECONDS));
    }

    @Test
    public void aStepProcessNeverWaits() throws Exception {
        CompletableFuture<Boolean> seen = new CompletableFuture<>();
        runtime.spawn((StepProcess) (events, output) -> {
            if (events.isEmpty()) {
                output.yield(new Probe());
                return Status.WAIT;
            }
            seen.complete((Boolean) events.get(0).value());
            return Status.DONE;
        });
        assertFalse(seen.get(20, TimeUnit.SECONDS));
        assertTrue("the default of other contexts", !new dispatch.api.YieldContext() {
            public long tag() { return 0; }
            public dispatch.api.ProcessRef process() { return null; }
            public boolean isCancelled() { return false; }
            public long deadlineNanos() { return NO_DEADLINE; }
            public dispatch.api.Subscription onCancel(Runnable action) { return () -> { }; }
        }.callerWaits());
    }
}
