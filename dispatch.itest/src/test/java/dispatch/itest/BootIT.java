package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.Readiness;
import dispatch.api.RuntimeReady;
import dispatch.itest.fixtures.Fixtures;
import dispatch.itest.fixtures.ReadyWatcher;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Services;
import dispatch.module.clock.Sleep;
import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.condition.Condition;

/** The whole runtime in a real Felix: it starts, the barrier opens, readiness follows the modules. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class BootIT extends DispatchTestSupport {

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DispatchOptions.runtime(), Fixtures.readyWatcher());
    }

    @Test
    public void everyBundleStartsAndTheBarrierOpens() throws Exception {
        awaitReady();
        List<String> notActive = new ArrayList<>();
        for (String name : DispatchOptions.DISPATCH) {
            if (bundle(name).getState() != Bundle.ACTIVE) {
                notActive.add(name);
            }
        }
        assertTrue("bundles not active: " + notActive, notActive.isEmpty());

        ServiceComponentRuntime scr = Services.await(context, ServiceComponentRuntime.class, null);
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (!description.bundle.symbolicName.startsWith("dispatch.")) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                assertFalse(description.name + " is unsatisfied: state " + configuration.state,
                        configuration.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                                || configuration.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                                || configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION);
            }
        }
        assertThat(shell("dispatch:boot"), containsString("dispatch: READY (modules: process, clock, sql, http)"));
        assertTrue("the portable ready service comes with the condition",
                Services.present(context, RuntimeReady.class, null));
    }

    @Test
    public void aUserComponentWaitsForReadinessDeclaratively() throws Exception {
        awaitReady();
        Services.awaitReference(context, ReadyWatcher.class, null);
    }

    @Test
    public void aRequiredModuleLeavingAfterTheFreezeMakesTheRuntimeNotReadyUntilItReturns() throws Exception {
        awaitReady();
        Services.awaitReference(context, ReadyWatcher.class, null);
        Bundle clock = bundle("dispatch.module.clock");

        Services.awaitGone(context, Condition.class, Readiness.CONDITION_TARGET, clock::stop);
        String report = shell("dispatch:boot");
        assertThat(report, containsString("dispatch: DEGRADED"));
        assertThat(report, containsString("missing module 'clock'"));
        assertThat(report, containsString("bundle dispatch.module.clock"));
        assertFalse("the user component must go with readiness", Services.present(context, ReadyWatcher.class, null));
        assertFalse(Services.present(context, RuntimeReady.class, null));
        DispatchException unavailable = assertThrows(DispatchException.class,
                () -> DispatchTesting.call(context, new Sleep(Duration.ofMillis(1)), Duration.ofSeconds(20)));
        assertEquals(DispatchException.MODULE_UNAVAILABLE, unavailable.code());
        assertThat(unavailable.getMessage(), containsString("module 'clock'"));

        clock.start();
        awaitReady();
        assertThat(shell("dispatch:boot"), containsString("dispatch: READY"));
        Services.awaitReference(context, ReadyWatcher.class, null);
        assertEquals(Bundle.ACTIVE, bundle("dispatch.core").getState());
    }
}
