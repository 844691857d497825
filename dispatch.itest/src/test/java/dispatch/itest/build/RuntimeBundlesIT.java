package dispatch.itest.build;

import static org.junit.Assert.assertEquals;

import dispatch.itest.support.DispatchOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The runtime's bundles are one description in three forms: the distribution's resolved
 * {@code -runbundles} (dispatch.dist/dispatch.bndrun, from cnf/base.bndrun), the list Pax Exam
 * tests get (dispatch.testing's runtime-bundles.txt) and the Karaf feature. Each environment
 * brings a different part of the runtime itself, so the last two are lists of their own; this
 * test holds them to the first, so that a bundle added to the runtime cannot be missing from them.
 * (It runs after the build copied the bundles to target/bundles, where their symbolic names are read.)
 */
public class RuntimeBundlesIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** What the distribution runs that a Pax Exam test brings itself (pax-logging) or must not start. */
    private static final Set<String> NOT_IN_TESTS = Set.of(
            "org.apache.felix.gogo.shell", "org.apache.felix.fileinstall", "slf4j.api", "slf4j.simple");
    /** What Karaf brings itself (its scr, config and shell features, pax-logging). */
    private static final Set<String> KARAF_BRINGS = Set.of(
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
            "org.apache.felix.scr", "org.apache.felix.configadmin",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command");
    private static final Pattern RUN_BUNDLE = Pattern.compile("^\\s+([\\w.-]+);version=", Pattern.MULTILINE);
    private static final Pattern FEATURE_BUNDLE = Pattern.compile("<bundle>mvn:[^/]+/([^/]+)/");

    @Test
    public void paxExamTestsGetTheDistributionsBundlesLessWhatTheyBringThemselves() {
        Set<String> provisioned = new TreeSet<>();
        for (dispatch.testing.exam.DispatchOptions.Coordinates bundle : dispatch.testing.exam.DispatchOptions.bundles()) {
            provisioned.add(symbolicName(bundle.artifactId()));
        }
        provisioned.remove("dispatch.testing");
        Set<String> expected = distribution();
        expected.removeAll(NOT_IN_TESTS);
        assertEquals("runtime-bundles.txt against dispatch.dist/dispatch.bndrun", expected, provisioned);
    }

    @Test
    public void theKarafFeatureHasTheDistributionsBundlesLessWhatKarafBrings() throws IOException {
        Set<String> featured = new TreeSet<>();
        Matcher bundle = FEATURE_BUNDLE.matcher(
                Files.readString(ROOT.resolve("dispatch.features/src/main/feature/feature.xml")));
        while (bundle.find()) {
            featured.add(symbolicName(bundle.group(1)));
        }
        Set<String> expected = distribution();
        expected.removeAll(NOT_IN_TESTS);
        expected.removeAll(KARAF_BRINGS);
        assertEquals("feature.xml against dispatch.dist/dispatch.bndrun", expected, featured);
    }

    /** The symbolic names of the distribution's resolved -runbundles, less the framework's. */
    private static Set<String> distribution() {
        try {
            String bndrun = Files.readString(ROOT.resolve("dispatch.dist/dispatch.bndrun"));
            Matcher bundle = RUN_BUNDLE.matcher(bndrun.substring(bndrun.indexOf("-runbundles:")));
            Set<String> names = new TreeSet<>();
            while (bundle.find()) {
                names.add(bundle.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String symbolicName(String artifactId) {
        try (JarFile jar = new JarFile(DispatchOptions.jar(artifactId))) {
            return jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
