package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The distribution as users start it: its own JVM, a shell command run non-interactively. */
public class ExecutableJarIT {

    @Rule
    public TemporaryFolder workDir = new TemporaryFolder();

    @Test
    public void theExecutableJarStartsAndReportsReady() throws Exception {
        File jar = new File(System.getProperty("dispatch.jar", "../dispatch.dist/target/dispatch.jar"));
        assertTrue("missing " + jar + ": build dispatch.dist first", jar.isFile());
        Path log = workDir.getRoot().toPath().resolve("out.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java,
                "-Dgosh.args=-q -c 'dispatch:boot -w 60; dispatch:commands'",
                "-jar", jar.getAbsolutePath()))
                .directory(workDir.getRoot())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            assertTrue("the runtime did not stop within 90 s", process.waitFor(90, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output, containsString("dispatch: READY (modules: process, clock, sql, http)"));
        assertThat(output, containsString("ID  COMMAND"));
        assertTrue("the runtime keeps its data under the working directory",
                Files.isDirectory(workDir.getRoot().toPath().resolve("runtime-data")));
    }
}
