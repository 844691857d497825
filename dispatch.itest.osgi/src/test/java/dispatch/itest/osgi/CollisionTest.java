package dispatch.itest.osgi;

import static dispatch.itest.osgi.BootTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.testing.DispatchTesting;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.test.common.annotation.InjectInstalledBundle;
import org.osgi.test.common.annotation.Property;
import org.osgi.test.common.annotation.config.WithConfiguration;

/**
 * Two modules claiming one ID, and a module claiming another module's range: the boot fails
 * with a message naming the ID and both claimants, and the framework carries on.
 */
class CollisionTest extends CoreBootingTest {

    @Test
    @WithConfiguration(pid = "dispatch.boot", location = "?", properties = {
            @Property(key = "required.modules", value = "clock,sql,http,alpha"),
            @Property(key = "timeout.seconds", value = "30")})
    void aCollisionFailsTheBootNamingTheIdAndBothClaimants(@InjectInstalledBundle("fixtures/alpha.jar") Bundle alpha,
            @InjectInstalledBundle("fixtures/beta.jar") Bundle beta) throws Exception {
        alpha.start();
        beta.start();
        core.start();

        String report = shell("dispatch:boot");
        assertContains(report, "dispatch: FAILED");
        assertContains(report, "ID 301");
        assertContains(report, "module 'alpha' (bundle test.alpha 1.0.0)");
        assertContains(report, "module 'beta' (bundle test.beta 1.0.0)");
        assertFalse(Runtimes.present(context, BootTest.READY_CONDITION));
        assertEquals(Bundle.ACTIVE, core.getState(), "the framework and the core carry on");

        beta.stop();
        DispatchTesting.awaitReady(context, Duration.ofSeconds(30));
        assertFalse(shell("dispatch:boot").contains("refused"));
        assertTrue(shell("dispatch:commands").lines()
                .anyMatch(line -> line.matches("301\\s+Echo301\\s+alpha\\s+test\\.alpha 1\\.0\\.0\\s+"
                        + alpha.getBundleId() + "\\s+1\\s+\\S+ \\S+\\s+available")));
    }

    @Test
    void aModuleClaimingAnotherModulesRangeIsRefused(@InjectInstalledBundle("fixtures/thief.jar") Bundle thief)
            throws Exception {
        core.start();
        DispatchTesting.awaitReady(context, Duration.ofSeconds(30));
        thief.start();

        assertContains(shell("dispatch:boot"), "refused: ID 60 claimed by module 'thief' (bundle test.thief 1.0.0)"
                + " is in the range 60-79 reserved for module 'http'");
        String commands = shell("dispatch:commands");
        assertFalse(commands.lines().anyMatch(line -> line.matches("\\d+\\s.*thief.*")), "no route of the thief");
        assertContains(commands, "refused: ID 60 claimed by module 'thief'");
        assertEquals(Bundle.ACTIVE, thief.getState());
    }
}
