package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThat;

import dispatch.itest.fixtures.Fixtures;
import dispatch.itest.fixtures.NeedyDispatcher;
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
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** After the boot timeout the barrier names every missing module and says why, where it can tell. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MissingModuleIT extends DispatchTestSupport {

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(DispatchOptions.runtime(Set.of("dispatch.core")),
                Fixtures.module("kv"),
                Fixtures.module("needy", NeedyDispatcher.class));
    }

    @Test
    public void theBarrierReportsMissingModulesByNameAfterTheTimeout() throws Exception {
        configureBoot("clock, sql, http, kv, needy, ghost", 1);
        bundle("test.needy").start();
        bundle("dispatch.core").start();

        // -w returns as soon as the boot timeout has passed
        String report = shell("dispatch:boot -w 30");
        assertThat(report, containsString("dispatch: WAITING (boot timeout passed)"));
        assertThat(report, containsString("missing module 'kv'"));
        assertThat(report, containsString("bundle test.kv 1.0.0 provides it but is INSTALLED"));
        assertThat(report, containsString("missing module 'needy'"));
        assertThat(report, containsString("component " + NeedyDispatcher.class.getName()
                + " of bundle test.needy has an unsatisfied reference 'unobtainable'"));
        assertThat(report, containsString("missing module 'ghost'"));
        assertThat(report, containsString("no installed bundle provides it"));
        assertFalse(isReady());
    }
}
