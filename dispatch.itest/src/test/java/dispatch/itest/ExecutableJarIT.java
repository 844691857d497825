package dispatch.itest;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The distribution as users start it: its own JVM, a shell command run non-interactively. */
public class ExecutableJarIT {

    /** The write-back race of FileInstall was seen once in twelve starts. */
    private static final int STARTS = 12;

    @Rule
    public TemporaryFolder workDir = new TemporaryFolder();

    /** The distribution in a JVM of its own, in the work directory, with no console and these Gogo arguments. */
    private ProcessBuilder jar(String goshArgs) {
        File jar = new File(System.getProperty("dispatch.jar", "../dispatch.dist/target/dispatch.jar"));
        assertTrue("missing " + jar + ": build dispatch.dist first", jar.isFile());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Dgosh.args=" + goshArgs, "-jar", jar.getAbsolutePath()))
                .directory(workDir.getRoot())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }

    /** Runs a Gogo script in the distribution and returns what it printed once the JVM ended. */
    private String run(String script) throws Exception {
        Path log = workDir.getRoot().toPath().resolve("out.txt");
        Process process = jar("-q -c '" + script + "'").redirectOutput(log.toFile()).start();
        try {
            assertTrue("the runtime did not stop within 90 s", process.waitFor(90, TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    public void theExecutableJarStartsAndReportsReady() throws Exception {
        String output = run("dispatch:boot -w 60; dispatch:commands; sql:datasources; sql:query \"SELECT 6 * 7 AS answer\"");
        assertThat(output, containsString("dispatch: READY (modules: process, clock, sql, http)"));
        assertTrue("the command table:\n" + output, output.matches("(?s).*\\bID +COMMAND +MODULE\\b.*"));
        assertTrue("the sql commands are registered:\n" + output, output.matches("(?s).*\\b100 +Query +sql\\b.*"));
        assertTrue("the runtime keeps its data under the working directory",
                Files.isDirectory(workDir.getRoot().toPath().resolve("runtime-data")));
        // the default datasource: embedded H2 under the data directory, there without any configuration
        Path h2 = workDir.getRoot().toPath().resolve("runtime-data").resolve("h2");
        assertTrue("the default datasource:\n" + output, output.matches("(?s).*\\bdefault +jdbc:h2:file:\\S*runtime-data/h2/dispatch\\b.*"));
        assertTrue("the embedded database is under " + h2, Files.isRegularFile(h2.resolve("dispatch.mv.db")));
        assertTrue("a query through a process on the default datasource:\n" + output,
                output.matches("(?s).*\\bANSWER\\s+42\\s+\\(1 row\\).*"));
    }

    /**
     * FileInstall writes a configuration back into the file it came from whenever ConfigAdmin
     * reports it updated; racing its own directory scan, that once emptied the user's
     * deploy/dispatch.boot.cfg and the runtime came up in production mode. The distribution turns
     * the write-back off: a file the user wrote is read, never rewritten, start after start.
     */
    @Test
    public void theUsersConfigurationFileIsNeverRewrittenOverManyStarts() throws Exception {
        Path file = Files.createDirectory(workDir.getRoot().toPath().resolve("deploy")).resolve("dispatch.boot.cfg");
        String written = "# the developer loop\ndevelopment = true\n";
        Files.writeString(file, written, StandardCharsets.ISO_8859_1);
        // an old time stamp, so that a rewrite with the same text still shows
        FileTime modified = FileTime.fromMillis(System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1));
        Files.setLastModifiedTime(file, modified);
        for (int start = 1; start <= STARTS; start++) {
            String output = run("dispatch:boot -w 60; dispatch:commands");
            assertThat("start " + start + ":\n" + output, output,
                    containsString("custom modules: development mode"));
            assertEquals("start " + start, written, Files.readString(file, StandardCharsets.ISO_8859_1));
            assertEquals("start " + start, modified, Files.getLastModifiedTime(file));
        }
    }

    @Test
    public void aSignalStopsTheFrameworkInOrder() throws Exception {
        Process process = jar("--nointeractive").start();
        StringBuilder output = new StringBuilder();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("boot WAITING -> READY")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "jar-output");
        reader.start();
        try {
            assertTrue("not READY within 60 s without a console:\n" + output, ready.await(60, TimeUnit.SECONDS));
            process.toHandle().destroy(); // SIGTERM; Process.destroy would also close the output we read
            assertTrue("the JVM did not end within 60 s of SIGTERM", process.waitFor(60, TimeUnit.SECONDS));
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            process.destroyForcibly();
        }
        String text;
        synchronized (output) {
            text = output.toString();
        }
        assertThat("exit " + process.exitValue(), text, containsString("dispatch: the JVM is ending: stopping the framework"));
        assertThat("every bundle stopped before the JVM ended", text, containsString("dispatch: the framework stopped"));
    }
}
