package dispatch.itest.osgi;

import dispatch.testing.DispatchTesting;
import dispatch.testing.junit5.DispatchTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.junit5.cm.ConfigurationExtension;

/**
 * Tests that boot the core themselves, as a framework just started would: each test finds it
 * stopped, with its {@code @WithConfiguration} applied and its test bundles installed, and starts
 * it; it runs again after the test (with the default configuration once osgi-test removed the
 * test's), so that the next test finds a ready runtime.
 */
@DispatchTest(awaitReady = false)
@ExtendWith(ConfigurationExtension.class)
abstract class CoreBootingTest {

    @InjectBundleContext
    BundleContext context;
    Bundle core;

    @BeforeEach
    void stopCore() throws Exception {
        core = Runtimes.bundle(context, "dispatch.core");
        core.stop();
    }

    @AfterEach
    void startCore() throws Exception {
        core.start();
    }

    String shell(String command) {
        return DispatchTesting.shell(context, command);
    }
}
