package dispatch.itest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.Readiness;
import dispatch.api.RuntimeReady;
import dispatch.module.clock.Sleep;
import dispatch.testing.DispatchTesting;
import dispatch.testing.junit5.DispatchTest;
import dispatch.testing.junit5.ProcessRunner;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.condition.Condition;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectInstalledBundle;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.common.service.ServiceAware;

/** The whole runtime in a real Felix: it starts, the barrier opens, readiness follows the modules. */
@DispatchTest
class BootTest {

    /** The service of the user component that waits for readiness declaratively (fixture test.watcher). */
    static final String WATCHER = "(objectClass=dispatch.itest.osgi.fixtures.ReadyWatcher)";
    static final String READY_CONDITION = "(&(objectClass=" + Condition.class.getName() + ")"
            + Readiness.CONDITION_TARGET + ")";

    @InjectBundleContext
    BundleContext context;

    @InjectService
    ServiceComponentRuntime scr;

    @Test
    void everyBundleStartsAndTheBarrierOpens(
            @InjectService(filter = Readiness.CONDITION_TARGET) Condition theReadyConditionIsThere,
            @InjectService(cardinality = 0) ServiceAware<RuntimeReady> portableReady) {
        List<String> notActive = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("dispatch."))
                .filter(bundle -> bundle.getState() != Bundle.ACTIVE)
                .map(Bundle::getSymbolicName)
                .toList();
        assertTrue(notActive.isEmpty(), "bundles not active: " + notActive);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("dispatch.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                assertFalse(configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                                || configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                                || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION,
                        description.name + " is unsatisfied: state " + configuration.state);
            }
        }
        assertContains(DispatchTesting.shell(context, "dispatch:boot"),
                "dispatch: READY (modules: process, clock, sql, http)");
        assertFalse(portableReady.isEmpty(), "the portable ready service comes with the condition");
    }

    @Test
    void aUserComponentWaitsForReadinessDeclaratively(
            @InjectInstalledBundle(value = "fixtures/watcher.jar", start = true) Bundle watcher)
            throws Exception {
        Runtimes.awaitPresent(context, WATCHER);
    }

    @Test
    void aRequiredModuleLeavingAfterTheFreezeMakesTheRuntimeNotReadyUntilItReturns(
            @InjectInstalledBundle(value = "fixtures/watcher.jar", start = true) Bundle watcher,
            ProcessRunner processes) throws Exception {
        Runtimes.awaitPresent(context, WATCHER);
        Bundle clock = Runtimes.bundle(context, "dispatch.module.clock");
        try {
            Runtimes.awaitGone(context, READY_CONDITION, clock::stop);
            String report = DispatchTesting.shell(context, "dispatch:boot");
            assertContains(report, "dispatch: DEGRADED");
            assertContains(report, "missing module 'clock'");
            assertContains(report, "bundle dispatch.module.clock");
            assertFalse(Runtimes.present(context, WATCHER), "the user component must go with readiness");
            assertFalse(Runtimes.present(context, "(objectClass=" + RuntimeReady.class.getName() + ")"));
            DispatchException unavailable = assertThrows(DispatchException.class,
                    () -> processes.call(new Sleep(Duration.ofMillis(1))));
            assertEquals(DispatchException.MODULE_UNAVAILABLE, unavailable.code());
            assertContains(unavailable.getMessage(), "module 'clock'");

            AssertionError notReady = assertThrows(AssertionError.class,
                    () -> DispatchTesting.awaitReady(context, Duration.ofMillis(200)));
            assertContains(notReady.getMessage(), "dispatch is not ready within PT0.2S");
            assertContains(notReady.getMessage(), "missing module 'clock'");
        } finally {
            clock.start();
        }
        DispatchTesting.awaitReady(context, processes.timeout());
        assertContains(DispatchTesting.shell(context, "dispatch:boot"), "dispatch: READY");
        Runtimes.awaitPresent(context, WATCHER); // the user component comes back
        assertEquals(Bundle.ACTIVE, Runtimes.bundle(context, "dispatch.core").getState());
    }

    static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected \"" + part + "\" in:\n" + text);
    }
}
