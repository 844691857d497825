package dispatch.testing.exam;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * The dispatch runtime as Pax Exam options:
 *
 * <pre>{@code
 * @Configuration
 * public Option[] config() {
 *     return options(junitBundles(), DispatchOptions.runtime());
 * }
 * }</pre>
 *
 * Together with your own bundles, that is Felix with SCR, ConfigAdmin, Gogo, dispatch with all
 * its modules on the embedded H2 database (under {@code target/runtime-data}), and the
 * {@link dispatch.testing.DispatchTesting} helpers.
 */
public final class DispatchOptions {

    /** One runtime bundle. */
    public record Coordinates(String groupId, String artifactId, String version) {
    }

    private DispatchOptions() {
    }

    /** The runtime from the Maven repositories. */
    public static Option runtime() {
        return runtime(BundleLocator.maven(), Set.of());
    }

    /**
     * The runtime from {@code locator}; the bundles whose artifact IDs are in
     * {@code installedOnly} are installed but not started.
     */
    public static Option runtime(BundleLocator locator, Set<String> installedOnly) {
        List<Option> options = new ArrayList<>();
        options.add(systemProperty("dispatch.data").value(new File("target/runtime-data").getAbsolutePath()));
        for (Coordinates bundle : bundles()) {
            UrlProvisionOption option = bundle(locator.url(bundle.groupId(), bundle.artifactId(), bundle.version()));
            options.add(installedOnly.contains(bundle.artifactId()) ? option.noStart() : option);
        }
        return composite(options.toArray(Option[]::new));
    }

    /** The runtime's bundles in start order. */
    public static List<Coordinates> bundles() {
        try (InputStream in = DispatchOptions.class.getResourceAsStream("runtime-bundles.txt")) {
            if (in == null) {
                throw new IllegalStateException("runtime-bundles.txt is missing from dispatch.testing");
            }
            List<Coordinates> bundles = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    String[] parts = entry.split(":");
                    bundles.add(new Coordinates(parts[0], parts[1], parts[2]));
                }
            }
            return List.copyOf(bundles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
