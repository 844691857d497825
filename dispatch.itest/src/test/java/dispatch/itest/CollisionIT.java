package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import dispatch.itest.fixtures.AlphaDispatcher;
import dispatch.itest.fixtures.BetaDispatcher;
import dispatch.itest.fixtures.Fixtures;
import dispatch.itest.fixtures.ThiefDispatcher;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/**
 * Two modules claiming one ID, and a module claiming another module's range: the boot fails
 * with a message naming the ID and both claimants, and the framework carries on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class CollisionIT extends DispatchTestSupport {

    @Configuration
    public Option[] config() {
        // The core starts only after the test configured the barrier to wait for 'alpha' too.
        return OptionUtils.combine(DispatchOptions.runtime(Set.of("dispatch.core")),
                Fixtures.module("alpha", AlphaDispatcher.class),
                Fixtures.module("beta", BetaDispatcher.class),
                Fixtures.module("thief", ThiefDispatcher.class));
    }

    @Test
    public void aCollisionFailsTheBootNamingTheIdAndBothClaimants() throws Exception {
        configureBoot("clock,sql,http,alpha", 30);
        bundle("test.alpha").start();
        bundle("test.beta").start();
        bundle("dispatch.core").start();

        String report = shell("dispatch:boot");
        assertThat(report, containsString("dispatch: FAILED"));
        assertThat(report, containsString("ID 301"));
        assertThat(report, containsString("module 'alpha' (bundle test.alpha 1.0.0)"));
        assertThat(report, containsString("module 'beta' (bundle test.beta 1.0.0)"));
        assertFalse(isReady());
        assertEquals("the framework and the core carry on", Bundle.ACTIVE, bundle("dispatch.core").getState());

        bundle("test.beta").stop();
        awaitReady();
        assertThat(shell("dispatch:boot"), not(containsString("refused")));
        assertTrue(shell("dispatch:commands").lines()
                .anyMatch(line -> line.matches("301\\s+Echo301\\s+alpha\\s+test\\.alpha 1\\.0\\.0\\s+"
                        + bundle("test.alpha").getBundleId() + "\\s+1\\s+\\S+ \\S+\\s+available")));
    }

    @Test
    public void aModuleClaimingAnotherModulesRangeIsRefused() throws Exception {
        bundle("dispatch.core").start();
        awaitReady();
        bundle("test.thief").start();

        String report = shell("dispatch:boot");
        assertThat(report, containsString("refused: ID 60 claimed by module 'thief' (bundle test.thief 1.0.0)"
                + " is in the range 60-79 reserved for module 'http'"));
        String commands = shell("dispatch:commands");
        assertFalse("no route of the thief", commands.lines().anyMatch(line -> line.matches("\\d+\\s.*thief.*")));
        assertThat(commands, containsString("refused: ID 60 claimed by module 'thief'"));
        assertEquals(Bundle.ACTIVE, bundle("test.thief").getState());
    }
}
