package dispatch.itest.support;

import dispatch.testing.DispatchTesting;
import java.time.Duration;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for services to come and go, on the service events themselves, with bounded timeouts. */
public final class Services {

    /** How long a test waits for anything before it fails. */
    public static final long TIMEOUT_MILLIS = 20_000;

    private Services() {
    }

    /**
     * Waits for a service of {@code type} matching {@code filter} (may be null) and returns it.
     * The test keeps using it, so it stays got for the rest of the test.
     */
    @SuppressWarnings("unchecked")
    public static <T> T await(BundleContext context, Class<T> type, String filter) {
        return (T) context.getService(awaitReference(context, type, filter));
    }

    /**
     * Waits for a service registered under the name of {@code type}, whatever class loader the
     * registering bundle has (a test bundle's private copy of a class counts too).
     */
    public static ServiceReference<?> awaitReference(BundleContext context, Class<?> type, String filter) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, filter(type, filter), null);
        tracker.open(true);
        try {
            tracker.waitForService(TIMEOUT_MILLIS);
            ServiceReference<Object> reference = tracker.getServiceReference();
            if (reference == null) {
                throw new AssertionError("no " + type.getSimpleName() + " " + (filter == null ? "" : filter)
                        + " within " + TIMEOUT_MILLIS + " ms");
            }
            return reference;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }

    /** Runs {@code action}, then waits until no service of {@code type} matching {@code filter} is left. */
    public static void awaitGone(BundleContext context, Class<?> type, String filter, DispatchTesting.Action action)
            throws Exception {
        DispatchTesting.awaitGone(context, filter(type, filter).toString(), Duration.ofMillis(TIMEOUT_MILLIS), action);
    }

    /** Whether a service of {@code type} matching {@code filter} is registered now. */
    public static boolean present(BundleContext context, Class<?> type, String filter) throws InvalidSyntaxException {
        return context.getAllServiceReferences(type.getName(), filter) != null;
    }

    private static Filter filter(Class<?> type, String filter) {
        String objectClass = "(objectClass=" + type.getName() + ")";
        try {
            return FrameworkUtil.createFilter(filter == null ? objectClass : "(&" + objectClass + filter + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
