package dispatch.core.boot;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Stops the framework in order when the JVM is told to end (SIGTERM, Ctrl-C), for a launcher
 * that does not: with the framework property {@value #PROPERTY}{@code =true} (the distribution
 * sets it), a JVM shutdown hook stops the system bundle and waits for it, so that components
 * deactivate, datasources close and processes end before the JVM does. Off by default: Karaf
 * and Pax Exam stop their frameworks themselves.
 */
@Component(immediate = true)
public final class FrameworkShutdownHook {

    static final String PROPERTY = "dispatch.shutdown.hook";
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final Thread hook;

    @Activate
    public FrameworkShutdownHook(BundleContext context) {
        if (!Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            hook = null;
            return;
        }
        Framework framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(Framework.class);
        hook = new Thread(() -> stop(framework), "dispatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending, and this very hook is what stops the framework
        }
    }

    // System.err rather than the logger: the JVM's logging closes its handlers in a shutdown
    // hook of its own, which runs alongside this one.
    private static void stop(Framework framework) {
        System.err.println("dispatch: the JVM is ending: stopping the framework");
        try {
            framework.stop();
            boolean stopped = framework.waitForStop(STOP_WAIT_MILLIS).getType() != FrameworkEvent.WAIT_TIMEDOUT;
            System.err.println(stopped ? "dispatch: the framework stopped"
                    : "dispatch: the framework did not stop within " + STOP_WAIT_MILLIS + " ms");
        } catch (BundleException e) {
            System.err.println("dispatch: stopping the framework failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
