package dispatch.itest.support;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * Pax Exam options that provision the dispatch runtime into the framework: the jars of the
 * current build (copied to {@code target/bundles} by the build), not whatever ~/.m2 holds.
 */
public final class DispatchOptions {

    /** The platform's bundles in start order. */
    public static final List<String> PLATFORM = List.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
            "org.apache.felix.scr", "org.apache.felix.configadmin",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
            // sql: the JDBC service API before the drivers, whose import of it is optional
            "org.osgi.service.jdbc", "HikariCP", "h2", "postgresql");

    /** The dispatch bundles. */
    public static final List<String> DISPATCH = List.of(
            "dispatch.api", "dispatch.core", "dispatch.module.clock", "dispatch.module.sql", "dispatch.module.http");

    private DispatchOptions() {
    }

    /** The whole runtime, every bundle started. */
    public static Option[] runtime() {
        return runtime(Set.of());
    }

    /** The whole runtime; the bundles named in {@code installedOnly} are installed but not started. */
    public static Option[] runtime(Set<String> installedOnly) {
        List<Option> options = new ArrayList<>(List.of(junitBundles(), cleanCaches(),
                // the default datasource's embedded database goes under target/, not the working directory
                systemProperty("dispatch.data").value(new File("target/runtime-data").getAbsolutePath())));
        for (String name : PLATFORM) {
            options.add(provision(name, installedOnly));
        }
        for (String name : DISPATCH) {
            options.add(provision(name, installedOnly));
        }
        return options(options.toArray(Option[]::new));
    }

    private static Option provision(String name, Set<String> installedOnly) {
        UrlProvisionOption option = bundle(jar(name).toURI().toString());
        return installedOnly.contains(name) ? option.noStart() : option;
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
        String directory = System.getProperty("dispatch.bundles", "target/bundles");
        File jar = new File(directory, name + ".jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("no bundle " + jar + ": run the tests through Maven (mvnw verify)");
        }
        return jar;
    }
}
