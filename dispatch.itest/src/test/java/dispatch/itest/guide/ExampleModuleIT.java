package dispatch.itest.guide;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;

import dispatch.api.DispatchException;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.example.kv.api.Get;
import dispatch.example.kv.api.Keys;
import dispatch.example.kv.api.Put;
import dispatch.testing.DispatchTesting;
import dispatch.testing.exam.BundleLocator;
import dispatch.testing.exam.DispatchOptions;
import java.io.File;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The user's guide as a test: the example module in Felix, provisioned and driven the way the
 * guide tells users to, with dispatch.testing. The guide's snippets are taken from here.
 */
@RunWith(PaxExam.class)
public class ExampleModuleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    // guide:pax-exam-config
    @Configuration
    public Option[] config() {
        File bundles = new File("target/bundles");
        return options(
                junitBundles(),
                // the commands in their own bundle, the module beside it; both before the runtime:
                // the registry freezes once the core starts with its modules, and in production
                // mode a custom module that comes later is refused
                bundle(new File(bundles, "dispatch.example.kv.api.jar").toURI().toString()),
                bundle(new File(bundles, "dispatch.example.kv.jar").toURI().toString()),
                DispatchOptions.runtime(BundleLocator.directory(bundles), Set.of()));
    }
    // end:pax-exam-config

    // guide:pax-exam-test
    @Test
    public void aProcessUsesTheExampleModule() {
        DispatchTesting.awaitReady(context, TIMEOUT);
        ExitReason exit = DispatchTesting.run(context, process -> {
            process.call(new Put("greeting", "hello"));
            String value = process.call(new Get("greeting"));
            List<String> keys = process.call(new Keys("gr"));
            if (!value.equals("hello") || !keys.equals(List.of("greeting"))) {
                throw new IllegalStateException("got " + value + " and " + keys);
            }
        }, TIMEOUT);
        assertTrue(exit.toString(), exit.isNormal());
    }
    // end:pax-exam-test

    // guide:step-process
    /** Puts a value, then reads it back, in the step model: no thread of its own. */
    static final class PutThenGet implements StepProcess {

        private long putTag;
        private long getTag;
        String value;

        @Override
        public Status step(Events events, StepOutput output) {
            if (putTag == 0) {
                putTag = output.yield(new Put("answer", "42"));
                return Status.WAIT;
            }
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.failed()) {
                    throw new IllegalStateException("yield " + event.tag() + " failed", event.error());
                }
                if (event.isResultOf(putTag)) {
                    getTag = output.yield(new Get("answer"));
                } else if (event.isResultOf(getTag)) {
                    value = (String) event.value();
                    return Status.DONE;
                }
            }
            return Status.WAIT;
        }
    }
    // end:step-process

    @Test
    public void aStepProcessUsesTheExampleModule() throws Exception {
        DispatchTesting.awaitReady(context, TIMEOUT);
        ProcessRuntime runtime = DispatchTesting.runtime(context, TIMEOUT);
        PutThenGet process = new PutThenGet();
        long pid = runtime.spawn(process);
        ExitReason exit = runtime.exitOf(pid).orElseThrow().toCompletableFuture()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertTrue(exit.toString(), exit.isNormal());
        assertEquals("42", process.value);
    }

    @Test
    public void badInputIsAnErrorResultAndTheProcessLivesOn() {
        DispatchTesting.awaitReady(context, TIMEOUT);
        DispatchException error = assertThrows(DispatchException.class,
                () -> DispatchTesting.call(context, new Put(null, "x"), TIMEOUT));
        assertEquals(DispatchException.INVALID_ARGUMENT, error.code());
        assertEquals(null, DispatchTesting.call(context, new Get("absent"), TIMEOUT));
    }

    /**
     * Why the commands have a bundle of their own: this test's bundle imports them from there, so
     * swapping the module (an update and a refresh) leaves it and its classes in place.
     */
    @Test
    public void swappingTheModuleRefreshesNeitherTheCommandsNorTheBundlesThatUseThem() throws Exception {
        DispatchTesting.awaitReady(context, TIMEOUT);
        Bundle module = installed("dispatch.example.kv");
        Bundle commands = installed("dispatch.example.kv.api");
        BundleWiring ours = context.getBundle().adapt(BundleWiring.class);
        assertEquals("the commands we use come from the API bundle", commands, FrameworkUtil.getBundle(Put.class));
        FrameworkWiring framework = context.getBundle(0).adapt(FrameworkWiring.class);
        assertEquals(Set.of(module), Set.copyOf(framework.getDependencyClosure(List.of(module))));

        module.update();
        CompletableFuture<FrameworkEvent> refreshed = new CompletableFuture<>();
        framework.refreshBundles(List.of(module), refreshed::complete);
        assertEquals(FrameworkEvent.PACKAGES_REFRESHED,
                refreshed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getType());

        assertSame("our bundle was not refreshed", ours, context.getBundle().adapt(BundleWiring.class));
        assertTrue(ours.isCurrent());
        assertEquals(Bundle.ACTIVE, commands.getState());
        assertEquals(Bundle.ACTIVE, module.getState());
    }

    private Bundle installed(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
