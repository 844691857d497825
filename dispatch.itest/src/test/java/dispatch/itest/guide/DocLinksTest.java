package dispatch.itest.guide;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Keeps the docs standing alone: every relative link in README.md, in every page under docs/
 * and in the Markdown pages they link to resolves to a file or folder inside the repository,
 * and a {@code #anchor} names a heading of its page by GitHub's slug. Links to web sites
 * (http, https) are not followed; any other way out of the repository fails.
 */
public class DocLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** {@code [text](target)} or {@code ![alt](target "title")}; the text may hold one level of brackets. */
    private static final Pattern INLINE = Pattern.compile("\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern WEB = Pattern.compile("^https?://.+");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private final Map<Path, Set<String>> slugs = new HashMap<>();

    @Test
    public void everyLinkOfTheDocsResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        Set<Path> checked = new HashSet<>();
        Deque<Path> pending = new ArrayDeque<>(startPages());
        while (!pending.isEmpty()) {
            Path page = pending.pop();
            if (checked.add(page)) {
                for (String target : links(Files.readAllLines(page))) {
                    Path linked = check(page, target, broken);
                    if (linked != null && linked.toString().endsWith(".md") && Files.isRegularFile(linked)) {
                        pending.push(linked);
                    }
                }
            }
        }
        assertTrue("README.md and docs/ have pages to check", checked.size() >= 3);
        assertTrue("broken links:\n" + String.join("\n", broken), broken.isEmpty());
    }

    @Test
    public void slugsFollowGitHub() {
        assertEquals("configuration-pid-dispatchboot", slug("Configuration: PID `dispatch.boot`"));
        assertEquals("4-hot-swap-in-development", slug("4. Hot swap in development"));
        assertEquals("the-readme-link", slug("The [README](../README.md) link"));
        assertEquals("what-a-yield-costs-ns--bop", slug("What a yield costs (ns / B/op)"));
    }

    private static List<Path> startPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The link targets of a page, outside fenced code blocks and code spans. */
    static List<String> links(List<String> lines) {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : lines) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = line.replaceAll("`[^`]*`", "``");
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) {
                targets.add(inline.group(1));
            }
            Matcher definition = DEFINITION.matcher(text);
            if (definition.matches()) {
                targets.add(definition.group(1));
            }
        }
        return targets;
    }

    /** Checks one link of {@code page}; returns the file it names inside the repository, or null. */
    private Path check(Path page, String target, List<String> broken) throws IOException {
        String where = ROOT.relativize(page) + ": (" + target + ")";
        if (WEB.matcher(target).matches()) {
            return null;
        }
        if (target.isEmpty() || SCHEME.matcher(target).matches() || target.startsWith("/")) {
            broken.add(where + " does not point into the repository or to a web site");
            return null;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!linked.startsWith(ROOT)) {
            broken.add(where + " leaves the repository");
            return null;
        }
        if (!Files.exists(linked)) {
            broken.add(where + " names no file");
            return null;
        }
        if (hash >= 0 && !(Files.isRegularFile(linked) && slugsOf(linked).contains(target.substring(hash + 1)))) {
            broken.add(where + " names no heading of " + ROOT.relativize(linked));
        }
        return linked;
    }

    private Set<String> slugsOf(Path page) throws IOException {
        Set<String> known = slugs.get(page);
        if (known == null) {
            known = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean fenced = false;
            for (String line : Files.readAllLines(page)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                }
                Matcher heading = HEADING.matcher(line);
                if (!fenced && heading.matches()) {
                    String slug = slug(heading.group(1));
                    int count = seen.merge(slug, 1, Integer::sum);
                    known.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            }
            slugs.put(page, known);
        }
        return known;
    }

    /** GitHub's anchor for a heading: the text as rendered, lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String rendered = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        return rendered.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "").replace(' ', '-');
    }
}
