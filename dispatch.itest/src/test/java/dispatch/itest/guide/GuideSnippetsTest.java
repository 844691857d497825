package dispatch.itest.guide;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * Keeps the guide honest: every Java and bnd snippet in README.md, docs/guide.md,
 * docs/reference.md and the modules' READMEs carries a {@code <!-- snippet: path[#region] -->} marker and matches its
 * source, either the region between {@code // guide:region} and {@code // end:region}
 * (indentation aside) or, without a region, a run of consecutive lines of the file.
 */
public class GuideSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->");
    private static final List<String> CHECKED = List.of("java", "bnd");

    @Test
    public void readmeSnippetsMatchTheirSources() throws IOException {
        check(ROOT.resolve("README.md"));
    }

    @Test
    public void referenceSnippetsMatchTheirSources() throws IOException {
        assertTrue("the reference has its readiness example", check(ROOT.resolve("docs/reference.md")) >= 1);
    }

    @Test
    public void moduleReadmeSnippetsMatchTheirSources() throws IOException {
        for (String module : List.of("dispatch.module.http", "dispatch.module.sql", "dispatch.module.store")) {
            assertTrue(module + "'s README has its example", check(ROOT.resolve(module).resolve("README.md")) >= 1);
        }
    }

    @Test
    public void eventModuleReadmeSnippetsMatchTheirSources() throws IOException {
        assertTrue("the event module's README has its example",
                check(ROOT.resolve("dispatch.module.event").resolve("README.md")) >= 1);
    }

    @Test
    public void guideSnippetsMatchTheirSources() throws IOException {
        int checked = check(ROOT.resolve("docs/guide.md"));
        assertTrue("the guide has snippets", checked >= 6);
    }

    private static int check(Path document) throws IOException {
        List<String> lines = Files.readAllLines(document);
        int checked = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            String language = line.substring(3).strip();
            int end = i + 1;
            while (!lines.get(end).startsWith("```")) {
                end++;
            }
            List<String> block = lines.subList(i + 1, end);
            if (CHECKED.contains(language)) {
                Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
                assertTrue(document.getFileName() + " line " + (i + 1) + ": a " + language
                        + " snippet without a <!-- snippet: ... --> marker", marker != null && marker.matches());
                Path source = ROOT.resolve(marker.group(1));
                assertTrue("no file " + source, Files.isRegularFile(source));
                List<String> sourceLines = Files.readAllLines(source);
                String where = document.getFileName() + " line " + (i + 1) + " vs " + marker.group(1);
                if (marker.group(2) != null) {
                    assertEquals(where, dedent(region(sourceLines, marker.group(2), where)), dedent(block));
                } else {
                    assertFalse(where + ": the snippet is not in the file",
                            Collections.indexOfSubList(stripped(sourceLines), stripped(block)) < 0);
                }
                checked++;
            }
            i = end;
        }
        return checked;
    }

    private static List<String> region(List<String> source, String name, String where) {
        int start = -1;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i).strip();
            if (line.equals("// guide:" + name)) {
                start = i + 1;
            } else if (line.equals("// end:" + name) && start >= 0) {
                return source.subList(start, i);
            }
        }
        throw new AssertionError(where + ": no region " + name);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        return String.join("\n", out);
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }
}
