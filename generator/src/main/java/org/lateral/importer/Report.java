package org.lateral.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code import-report.md}: what was imported, what stayed a draft and why, what was left and what to check. */
final class Report {

    private String source = "";
    private String format = "";
    private boolean newSite;
    private boolean dryRun;
    private final List<String> drafts = new ArrayList<>();
    private final Map<String, Set<String>> shortcodes = new LinkedHashMap<>();
    private final List<String> html = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final Set<String> linked = new LinkedHashSet<>();
    private final List<String> aliases = new ArrayList<>();
    private final Map<String, Integer> skipped = new LinkedHashMap<>();

    void source(String from, String kind, boolean isNew, boolean dry) {
        source = from;
        format = kind;
        newSite = isNew;
        dryRun = dry;
    }

    void draft(String title, Path folder, String why) {
        drafts.add("- " + title + " (`" + slash(folder) + "/index.md`): " + why + " on the old blog"
                + (why.equals("password-protected") ? ". **Check it before you publish it**: it was not public." : ""));
    }

    void shortcode(String title, String name) {
        shortcodes.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(title);
    }

    void keptAsHtml(String title, Path folder) {
        html.add("- " + title + " (`" + slash(folder) + "/index.md`)");
    }

    void failed(String title, String address, String why) {
        failed.add("- " + address + " in \"" + title + "\": " + why);
    }

    int failures() {
        return failed.size();
    }

    void linked(String title, String address) {
        linked.add("- " + address + " (in \"" + title + "\")");
    }

    void alias(String path, Path folder) {
        aliases.add("- `" + path + "` → `" + slash(folder) + "/index.md`");
    }

    void skipped(String what, int count) {
        skipped.merge(what, count, Integer::sum);
    }

    String markdown(int posts, int pages, int draftCount, int htmlCount, int fetched, int failedCount) {
        StringBuilder b = new StringBuilder("# Import report\n\n");
        b.append(dryRun ? "A dry run: nothing was written. " : "")
                .append("From `").append(source).append("` (").append(format).append(")")
                .append(newSite ? ", into a new site: check `site.yaml`, above all `baseUrl`.\n\n" : ".\n\n");
        b.append("- ").append(posts).append(" posts and ").append(pages).append(" pages imported\n");
        b.append("- ").append(draftCount).append(" kept as drafts (not published until you remove `draft: true`)\n");
        b.append("- ").append(htmlCount).append(" kept as HTML because Markdown would have lost some of their text\n");
        b.append("- ").append(fetched).append(" pictures and attachments fetched, ").append(failedCount)
                .append(" could not be fetched\n");
        section(b, "Drafts", "These are not published:", drafts);
        List<String> codes = new ArrayList<>();
        shortcodes.forEach((name, titles) -> codes.add("- `[" + name + "]` in " + String.join(", ", titles)));
        section(b, "Shortcodes kept as text", "WordPress plug-ins filled these in; Lateral shows them as written. "
                + "Replace each with what it showed, or delete it:", codes);
        section(b, "Kept as HTML", "Open these and check them; they are published as they were:", html);
        section(b, "Pictures and attachments that could not be fetched",
                "They still load from the old blog (or not at all). Save each into the post's folder and change its address:", failed);
        section(b, "Pictures left on the old blog", "Imported with `--media link`: these load from the old blog until it closes:",
                new ArrayList<>(linked));
        List<String> left = new ArrayList<>();
        skipped.forEach((what, n) -> left.add("- " + n + " " + what));
        section(b, "Not imported", "", left);
        section(b, "Old addresses", "Each old address keeps working (a redirect page, from `aliases:`):", aliases);
        return b.toString();
    }

    private static void section(StringBuilder b, String heading, String intro, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        b.append("\n## ").append(heading).append("\n\n");
        if (!intro.isEmpty()) {
            b.append(intro).append("\n\n");
        }
        lines.forEach(l -> b.append(l).append('\n'));
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }
}
