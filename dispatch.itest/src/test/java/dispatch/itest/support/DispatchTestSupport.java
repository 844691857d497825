package dispatch.itest.support;

import dispatch.api.Readiness;
import java.util.Dictionary;
import java.util.Hashtable;
import javax.inject.Inject;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.condition.Condition;

/** What the Pax Exam tests share: the framework's context, the shell and readiness. */
public abstract class DispatchTestSupport {

    @Inject
    protected BundleContext context;

    /** Waits until the runtime is ready: the ready condition is registered. */
    protected void awaitReady() {
        Services.awaitReference(context, Condition.class, Readiness.CONDITION_TARGET);
    }

    protected String shell(String command) throws Exception {
        return new Shell(context).run(command);
    }

    protected Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    /** Replaces the boot barrier's configuration (PID {@value Readiness#BOOT_PID}), in development mode or not. */
    protected void configureBoot(String requiredModules, long timeoutSeconds, boolean development) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("required.modules", requiredModules);
        properties.put("timeout.seconds", timeoutSeconds);
        properties.put("development", development);
        configure(Readiness.BOOT_PID, properties);
    }

    /** Replaces the configuration of {@code pid}. */
    protected void configure(String pid, Dictionary<String, Object> properties) throws Exception {
        ConfigurationAdmin configAdmin = Services.await(context, ConfigurationAdmin.class, null);
        Configuration configuration = configAdmin.getConfiguration(pid, "?");
        configuration.update(properties);
    }
}
