package dispatch.core.runtime;

import static org.junit.Assert.assertTrue;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.process.ProcessDispatcher;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.rules.ExternalResource;

/** A runtime with the process commands and the test module, closed after each test. */
final class Harness extends ExternalResource {

    static final long WAIT_SECONDS = 20;

    final CommandRegistry registry = new CommandRegistry();
    final TestCommands commands = new TestCommands(4);
    private RuntimeSettings settings = RuntimeSettings.defaults().withWorkers(2).withSpin(1000, 10_000);
    DispatchRuntime runtime;

    Harness with(RuntimeSettings custom) {
        settings = custom;
        return this;
    }

    @Override
    protected void before() throws RegistrationRefused {
        registry.register(new Claimant("process", "test", 1), new ProcessDispatcher());
        registry.register(new Claimant("test", "test", 2), commands);
        registry.freeze();
        runtime = new DispatchRuntime(registry, settings);
    }

    @Override
    protected void after() {
        runtime.close();
        commands.async.shutdownNow();
    }

    ExitReason awaitExit(long pid) throws Exception {
        try {
            return runtime.exitOf(pid).orElseThrow().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("process " + pid + " did not end: " + runtime.info(pid) + "; all: "
                    + runtime.processes() + "; " + runtime.stats(), e);
        }
    }

    /** A step process from a function, which records every event it saw (copied, since events are reused). */
    static final class Script implements StepProcess {
        final List<Object[]> seen = new CopyOnWriteArrayList<>();
        private final BiFunction<Events, StepOutput, Status> body;

        Script(BiFunction<Events, StepOutput, Status> body) {
            this.body = body;
        }

        int seenCount() {
            return seen.size();
        }

        @Override
        public Status step(Events events, StepOutput output) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                seen.add(new Object[] {event.kind(), event.tag(), event.value(), event.error()});
            }
            return body.apply(events, output);
        }
    }

    static Held take(TestCommands commands) throws InterruptedException {
        TestCommands.Held held = commands.held.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue("a held yield arrived", held != null);
        return new Held(held);
    }

    /** Shorthand around {@link TestCommands.Held}. */
    record Held(TestCommands.Held held) {
        boolean complete(Object value) {
            return held.receiver().complete(held.tag(), value);
        }

        boolean cancelled() {
            return held.context().isCancelled();
        }

        long tag() {
            return held.tag();
        }
    }
}
