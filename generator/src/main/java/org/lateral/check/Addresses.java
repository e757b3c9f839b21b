package org.lateral.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lateral.internal.Suggestions;
import org.lateral.pipeline.SiteSnapshot;
import org.lateral.plan.Output;

/**
 * Every address a built site has (its pages and feeds from the plan, its copied files), how a link
 * written on one of its pages is read, which ids each page has (for {@code #anchors}), and the
 * nearest existing address for one that does not exist. Thread-safe.
 */
final class Addresses {

    private final SiteSnapshot snapshot;
    private final String basePath;
    private final String origin;
    private final Set<String> paths = new HashSet<>();
    /** Addresses readers would type, by the same address in lower case without the base path: for suggestions. */
    private final Map<String, String> shown = new HashMap<>();
    private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();

    Addresses(SiteSnapshot snapshot) {
        this.snapshot = snapshot;
        this.basePath = snapshot.site().basePath();
        this.origin = snapshot.site().config().origin();
        for (Output o : snapshot.outputs()) {
            add(o.outputPath());
        }
        snapshot.files().keySet().forEach(this::add);
    }

    private void add(String outputPath) {
        paths.add(outputPath);
        String url = outputPath.endsWith("index.html")
                ? outputPath.substring(0, outputPath.length() - "index.html".length()) : outputPath;
        shown.putIfAbsent(url, basePath + url);
    }

    String basePath() {
        return basePath;
    }

    /**
     * How a link written on a page is read.
     *
     * @param written  the address as written (in Markdown, raw HTML or a rendered page)
     * @param fromPath the output path of the page it is on ({@code 2024/03/oracy/index.html})
     * @param rebase   whether a root-relative address without the base path gets it in front (as the
     *                 build does for what authors write)
     */
    Target read(String written, String fromPath, boolean rebase) {
        String w = written.strip();
        String lower = w.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            return new Target(Target.Kind.LOCAL_FILE, w, "", null);
        }
        if (w.startsWith("//")) {
            w = "https:" + w;
            lower = w.toLowerCase(Locale.ROOT);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String site = origin + basePath;
            if (!origin.isEmpty() && (w.startsWith(site) || (w + "/").equals(site))) {
                return inSite(w.length() < site.length() ? "" : w.substring(site.length()));
            }
            try {
                return new Target(Target.Kind.EXTERNAL, w, "", new URI(w.replace(" ", "%20")));
            } catch (URISyntaxException e) {
                return new Target(Target.Kind.EXTERNAL, w, "", null);
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return new Target(Target.Kind.OTHER, w, "", null);
        }
        if (w.startsWith("/")) {
            if (w.startsWith(basePath)) {
                return inSite(w.substring(basePath.length()));
            }
            if (rebase || basePath.equals("/")) {
                return inSite(w.substring(1));
            }
            return new Target(Target.Kind.SITE, "\u0000outside:" + w, "", null);
        }
        String from = basePath + fromPath;
        try {
            URI resolved = new URI("http", "x", from, null).resolve(new URI(null, null, path(w), null));
            String p = resolved.getRawPath() == null ? "" : resolved.getPath();
            String rest = fragmentAndQuery(w);
            if (!p.startsWith(basePath)) {
                return new Target(Target.Kind.SITE, "\u0000outside:" + p, "", null);
            }
            return inSite(p.substring(basePath.length()) + rest);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Target(Target.Kind.SITE, "\u0000unreadable:" + w, "", null);
        }
    }

    private static String path(String w) {
        int cut = w.length();
        for (char c : new char[] {'#', '?'}) {
            int i = w.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return decode(w.substring(0, cut));
    }

    private static String fragmentAndQuery(String w) {
        int cut = w.length();
        for (char c : new char[] {'#', '?'}) {
            int i = w.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return w.substring(cut);
    }

    /** A target inside the site from its path below the base path (may end in {@code ?query} and {@code #fragment}). */
    private Target inSite(String rest) {
        String fragment = "";
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            fragment = decode(rest.substring(hash + 1));
            rest = rest.substring(0, hash);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        return Target.site(decode(rest), fragment);
    }

    /** The output file a site path names, if the site has it ({@code x/} and {@code x} name {@code x/index.html}). */
    Optional<String> file(Target t) {
        String p = t.path();
        if (p.startsWith("\u0000")) {
            return Optional.empty();
        }
        if (p.isEmpty() || p.endsWith("/")) {
            return paths.contains(p + "index.html") ? Optional.of(p + "index.html") : Optional.empty();
        }
        if (paths.contains(p)) {
            return Optional.of(p);
        }
        return paths.contains(p + "/index.html") ? Optional.of(p + "/index.html") : Optional.empty();
    }

    /** The page a site path would be if the site published drafts and scheduled posts. */
    Optional<SiteSnapshot.Unpublished> unpublished(Target t) {
        String p = t.path();
        String file = p.isEmpty() || p.endsWith("/") ? p + "index.html" : p.endsWith(".html") ? p : p + "/index.html";
        return Optional.ofNullable(snapshot.unpublished().get(file));
    }

    /** How a site path is shown to people: with the base path ({@code /cpd/2024/03/oracy/}). */
    String shown(Target t) {
        String p = t.path();
        if (p.startsWith("\u0000outside:")) {
            return p.substring("\u0000outside:".length());
        }
        if (p.startsWith("\u0000unreadable:")) {
            return p.substring("\u0000unreadable:".length());
        }
        return basePath + p + (t.fragment().isEmpty() ? "" : "#" + t.fragment());
    }

    /** The existing address nearest to one that does not exist, as people write it, if one is near enough. */
    Optional<String> nearest(Target t) {
        String p = t.path();
        if (p.startsWith("\u0000")) {
            return Optional.empty();
        }
        String lowered = p.toLowerCase(Locale.ROOT);
        for (String candidate : shown.keySet()) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lowered) || candidate.equals(p + "/")) {
                return Optional.of(shown.get(candidate));
            }
        }
        Optional<String> close = Suggestions.closest(p, shown.keySet());
        if (close.isPresent()) {
            return close.map(shown::get);
        }
        // the same last part of the address in another folder (a post moved to another month)
        String last = lastPart(p);
        if (last.length() < 3) {
            return Optional.empty();
        }
        Map<String, String> byLast = new HashMap<>();
        Set<String> twice = new HashSet<>();
        for (String candidate : shown.keySet()) {
            String l = lastPart(candidate);
            if (byLast.putIfAbsent(l, candidate) != null) {
                twice.add(l);
            }
        }
        Optional<String> lastClose = Suggestions.closest(last, byLast.keySet()).filter(l -> !twice.contains(l));
        return lastClose.map(byLast::get).map(shown::get);
    }

    private static String lastPart(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s.substring(s.lastIndexOf('/') + 1);
    }

    /** The ids (and {@code <a name>}s) of a page of the site, by its output path; empty for other files. */
    Set<String> ids(String outputPath) {
        return ids.computeIfAbsent(outputPath, p -> {
            byte[] bytes = snapshot.html().get(p);
            if (bytes == null) {
                return Set.of();
            }
            return ids(Jsoup.parse(new String(bytes, StandardCharsets.UTF_8)));
        });
    }

    static Set<String> ids(Document doc) {
        Set<String> out = new HashSet<>();
        for (Element e : doc.select("[id], a[name]")) {
            if (e.hasAttr("id")) {
                out.add(e.id());
            }
            if (e.hasAttr("name") && e.tagName().equals("a")) {
                out.add(e.attr("name"));
            }
        }
        return out;
    }

    /** Whether the site's pages are read over https (an {@code http:} picture would then be blocked). */
    boolean secure() {
        return origin.toLowerCase(Locale.ROOT).startsWith("https:");
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
