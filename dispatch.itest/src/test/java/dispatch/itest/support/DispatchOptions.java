package dispatch.itest.support;

import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import dispatch.testing.exam.BundleLocator;
import java.io.File;
import java.util.Set;
import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options for our own tests: the runtime as users get it from dispatch.testing
 * ({@link dispatch.testing.exam.DispatchOptions}), with the jars of the current build (copied to
 * {@code target/bundles} by the build) rather than whatever ~/.m2 holds.
 */
public final class DispatchOptions {

    private DispatchOptions() {
    }

    /** The whole runtime, every bundle started. */
    public static Option[] runtime() {
        return runtime(Set.of());
    }

    /** The whole runtime; the bundles named in {@code installedOnly} are installed but not started. */
    public static Option[] runtime(Set<String> installedOnly) {
        return options(junitBundles(), cleanCaches(),
                dispatch.testing.exam.DispatchOptions.runtime(BundleLocator.directory(bundles()), installedOnly));
    }

    /**
     * What a test needs to run the JDK's HTTP server inside the framework (native container,
     * same JVM): the framework exports {@code com.sun.net.httpserver}, and the server answers
     * without waiting for delayed ACKs (40 ms a response otherwise).
     */
    public static Option loopbackHttp() {
        return composite(systemPackage("com.sun.net.httpserver"),
                systemProperty("sun.net.httpserver.nodelay").value("true"));
    }

    /** The jar of a provisioned bundle. */
    public static File jar(String name) {
        File jar = new File(bundles(), name + ".jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("no bundle " + jar + ": run the tests through Maven (mvnw verify)");
        }
        return jar;
    }

    private static File bundles() {
        return new File(System.getProperty("dispatch.bundles", "target/bundles"));
    }
}
