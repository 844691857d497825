package dispatch.testing.exam;

import java.io.File;

/** Where the runtime's bundles come from: a URL for each Maven coordinate. */
@FunctionalInterface
public interface BundleLocator {

    String url(String groupId, String artifactId, String version);

    /** From the Maven repositories, as {@code mvn:} URLs (what users of a released dispatch want). */
    static BundleLocator maven() {
        return (groupId, artifactId, version) -> "mvn:" + groupId + "/" + artifactId + "/" + version;
    }

    /** From a directory of {@code <artifactId>.jar} files, e.g. filled by maven-dependency-plugin with stripVersion. */
    static BundleLocator directory(File directory) {
        return (groupId, artifactId, version) -> {
            File jar = new File(directory, artifactId + ".jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("no bundle " + jar);
            }
            return jar.toURI().toString();
        };
    }
}
