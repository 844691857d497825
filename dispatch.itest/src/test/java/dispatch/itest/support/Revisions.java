package dispatch.itest.support;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.ObjectName;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/** Bundle revisions: refreshing them away, and proving that their class loaders are collectable. */
public final class Revisions {

    private Revisions() {
    }

    /**
     * Refreshes {@code bundle} (old revisions are dropped, the bundle restarts) and waits for the
     * framework to say it is done.
     */
    public static void refresh(BundleContext context, Bundle bundle) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch refreshed = new CountDownLatch(1);
        AtomicReference<FrameworkEvent> event = new AtomicReference<>();
        wiring.refreshBundles(List.of(bundle), done -> {
            event.set(done);
            refreshed.countDown();
        });
        if (!refreshed.await(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no refresh within " + Services.TIMEOUT_MILLIS + " ms");
        }
        if (event.get().getType() != FrameworkEvent.PACKAGES_REFRESHED) {
            throw new AssertionError("refresh failed: " + event.get().getThrowable());
        }
    }

    /**
     * A weak reference to the class loader of the bundle's current revision, taken through a class
     * of the bundle's own (not one it imports), so that nothing else of the revision is kept.
     */
    public static WeakReference<ClassLoader> classLoader(Bundle bundle, Class<?> ownClass, ReferenceQueue<Object> queue)
            throws ClassNotFoundException {
        Class<?> loaded = bundle.loadClass(ownClass.getName());
        if (loaded == ownClass) {
            throw new AssertionError(ownClass + " came from the test, not from " + bundle);
        }
        return new WeakReference<>(loaded.getClassLoader(), queue);
    }

    /**
     * Runs the garbage collector until every reference in {@code refs} was cleared, waiting for
     * each on the queue (bounded: a reference still set after that fails the test).
     */
    public static void awaitCollected(ReferenceQueue<Object> queue, Set<? extends Reference<?>> refs, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!refs.isEmpty() && System.nanoTime() - deadline < 0) {
            System.gc();
            Reference<?> cleared = queue.remove(200);
            while (cleared != null) {
                refs.remove(cleared);
                cleared = queue.poll();
            }
        }
        if (!refs.isEmpty()) {
            String dump = System.getProperty("dispatch.heapdump");
            if (dump != null) {
                dumpHeap(dump);
            }
            throw new AssertionError(refs.size() + " class loaders of old revisions are still reachable after "
                    + timeoutMillis + " ms of garbage collection" + (dump == null
                            ? " (mvnw verify -DargLine=-Ddispatch.heapdump=<file> dumps the heap then)"
                            : "; heap dumped to " + dump));
        }
    }

    /**
     * Writes a heap dump of live objects (HotSpot), for finding what keeps a loader. It shows
     * heap paths only: a loader kept by a compiled frame (the JIT) has no path in it.
     */
    private static void dumpHeap(String file) {
        try {
            ObjectName diagnostic = new ObjectName("com.sun.management:type=HotSpotDiagnostic");
            ManagementFactory.getPlatformMBeanServer().invoke(diagnostic, "dumpHeap", new Object[] {file, true},
                    new String[] {String.class.getName(), boolean.class.getName()});
        } catch (Exception e) {
            System.err.println("no heap dump: " + e);
        }
    }
}
