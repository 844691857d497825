package dispatch.itest.osgi;

import static dispatch.itest.osgi.BootTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.test.common.annotation.InjectInstalledBundle;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

/** After the boot timeout the barrier names every missing module and says why, where it can tell. */
class MissingModuleTest extends CoreBootingTest {

    @Test
    @WithConfiguration(pid = "dispatch.boot", location = "?", properties = {
            @Property(key = "required.modules", value = "clock, sql, http, kv, needy, ghost"),
            @Property(key = "timeout.seconds", value = "1")})
    void theBarrierReportsMissingModulesByNameAfterTheTimeout(
            @InjectInstalledBundle("fixtures/kv.jar") Bundle kv,
            @InjectInstalledBundle("fixtures/needy.jar") Bundle needy) throws Exception {
        needy.start();
        core.start();

        // -w returns as soon as the boot timeout has passed
        String report = shell("dispatch:boot -w 30");
        assertContains(report, "dispatch: WAITING (boot timeout passed)");
        assertContains(report, "missing module 'kv'");
        assertContains(report, "bundle test.kv 1.0.0 provides it but is INSTALLED");
        assertContains(report, "missing module 'needy'");
        assertContains(report, "component dispatch.itest.osgi.fixtures.NeedyDispatcher"
                + " of bundle test.needy has an unsatisfied reference 'unobtainable'");
        assertContains(report, "missing module 'ghost'");
        assertContains(report, "no installed bundle provides it");
        assertFalse(Runtimes.present(context, BootTest.READY_CONDITION));
    }
}
