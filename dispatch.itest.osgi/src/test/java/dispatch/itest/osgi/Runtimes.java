package dispatch.itest.osgi;

import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** What the tests do with the framework around them: find bundles, wait for services to go. */
final class Runtimes {

    static final long TIMEOUT_MILLIS = 20_000;

    private Runtimes() {
    }

    static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }

    /** Whether a service matching {@code filter} is registered now. */
    static boolean present(BundleContext context, String filter) throws InvalidSyntaxException {
        return context.getAllServiceReferences(null, filter) != null;
    }

    /**
     * Waits, on the service events, for a service matching {@code filter}, whatever bundle's
     * class it is registered under (osgi-test's injection tracks the test bundle's classes only).
     */
    static void awaitPresent(BundleContext context, String filter) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        tracker.open(true);
        try {
            if (tracker.waitForService(TIMEOUT_MILLIS) == null) {
                throw new AssertionError("no service " + filter + " within " + TIMEOUT_MILLIS + " ms");
            }
        } finally {
            tracker.close();
        }
    }

    /** Runs {@code action}, then waits, on the service events, until no service matches {@code filter}. */
    static void awaitGone(BundleContext context, String filter, DispatchTesting.Action action) throws Exception {
        DispatchTesting.awaitGone(context, filter, Duration.ofMillis(TIMEOUT_MILLIS), action);
    }
}
