package org.lateral.publish;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.lateral.Problem;
import org.lateral.PublishResult.Changes;
import org.lateral.publish.WebmentionState.Mention;

/**
 * Sends Webmentions (W3C Recommendation) for the links a publish added to or removed from posts. A
 * post is a page with one {@code h-entry}; its links are the {@code <a href>}s in its
 * {@code e-content} that point off the site. The earlier version of each changed page comes from
 * what was published before (the branch's tip, or the folder), so the difference is exact even on a
 * fresh CI machine; {@link WebmentionState} remembers what was sent so nothing is sent twice.
 *
 * <p>Endpoint discovery (§3.1.2): the target is fetched (redirects followed, each address checked);
 * the first {@code Link} header with {@code rel="webmention"} wins, else the first {@code <link>} or
 * {@code <a>} with {@code rel="webmention"} in document order; the endpoint is resolved against the
 * final address, its query kept. Sending (§3.1.3): a form POST of {@code source} and {@code target};
 * any 2xx is success.
 */
final class Webmentions {

    private static final Pattern LINK_VALUE = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)rel\\s*=\\s*(\"([^\"]*)\"|([^\\s;,]+))");

    private Webmentions() {
    }

    /** The mentions a publish calls for: links added to or removed from new, changed and removed posts. */
    static List<Mention> due(Changes changes, Path site, Map<String, byte[]> previous, String baseUrl) {
        Set<Mention> out = new LinkedHashSet<>();
        List<String> paths = new ArrayList<>(changes.added());
        paths.addAll(changes.modified());
        paths.addAll(changes.removed());
        for (String path : paths) {
            if (!path.endsWith(".html")) {
                continue;
            }
            String pageUrl = baseUrl + (path.endsWith("index.html") ? path.substring(0, path.length() - 10) : path);
            Optional<Post> before = Optional.ofNullable(previous.get(path)).flatMap(b -> post(b, pageUrl, baseUrl));
            Optional<Post> after = Optional.empty();
            Path file = site.resolve(path);
            if (Files.isRegularFile(file)) {
                try {
                    after = post(Files.readAllBytes(file), pageUrl, baseUrl);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot read " + file, e);
                }
            }
            Set<String> was = before.map(Post::links).orElse(Set.of());
            Set<String> is = after.map(Post::links).orElse(Set.of());
            String source = after.or(() -> before).map(Post::url).orElse(pageUrl);
            is.stream().filter(l -> !was.contains(l)).forEach(l -> out.add(new Mention(source, l, true)));
            was.stream().filter(l -> !is.contains(l)).forEach(l -> out.add(new Mention(source, l, false)));
        }
        return List.copyOf(out);
    }

    /** A post: its address and the off-site links in its content. */
    record Post(String url, Set<String> links) {
    }

    static Optional<Post> post(byte[] html, String pageUrl, String baseUrl) {
        Document doc = Jsoup.parse(new String(html, StandardCharsets.UTF_8), pageUrl);
        Elements entries = doc.select(".h-entry").not(".h-entry .h-entry");
        if (entries.size() != 1) {
            return Optional.empty();
        }
        Element content = entries.first().selectFirst(".e-content");
        if (content == null) {
            return Optional.empty();
        }
        String url = Optional.ofNullable(doc.selectFirst("link[rel=canonical][href]")).map(e -> e.absUrl("href"))
                .filter(s -> !s.isEmpty()).orElse(pageUrl);
        String ownHost = host(baseUrl);
        Set<String> links = new TreeSet<>();
        for (Element a : content.select("a[href]")) {
            String href = a.absUrl("href");
            int hash = href.indexOf('#');
            if (hash >= 0) {
                href = href.substring(0, hash);
            }
            String lower = href.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && !host(href).equals(ownHost)) {
                links.add(href);
            }
        }
        return Optional.of(new Post(url, links));
    }

    private static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Sends each mention not sent before (and those that failed last time); returns a line per mention sent. */
    static List<String> send(Http http, List<Mention> due, WebmentionState state, List<Problem> warnings) {
        Set<Mention> todo = new LinkedHashSet<>(state.pending());
        todo.addAll(due);
        List<String> notices = new ArrayList<>();
        for (Mention m : todo) {
            if (state.wasSent(m)) {
                continue;
            }
            try {
                Optional<URI> endpoint = discover(http, URI.create(m.target()));
                if (endpoint.isEmpty()) {
                    state.sent(m); // the target accepts none; asking again next time would not help
                    continue;
                }
                Map<String, String> form = new LinkedHashMap<>();
                form.put("source", m.source());
                form.put("target", m.target());
                Http.Response r = http.postForm(endpoint.get(), form);
                if (r.ok()) {
                    state.sent(m);
                    notices.add("Webmention: told " + m.target() + " that " + m.source()
                            + (m.linked() ? " links to it" : " no longer links to it") + ".");
                } else {
                    state.failed(m);
                    warnings.add(warning(m, "its endpoint " + endpoint.get() + " answered " + r.status()));
                }
            } catch (Http.Failure | IllegalArgumentException e) {
                state.failed(m);
                warnings.add(warning(m, e.getMessage()));
            }
        }
        return notices;
    }

    private static Problem warning(Mention m, String why) {
        return Problem.warning(Path.of(WebmentionState.FILE), 0, 0, "the Webmention from " + m.source() + " to "
                + m.target() + " was not sent: " + why, "nothing to do now: Lateral tries again at the next publish");
    }

    /** The target's Webmention endpoint, if it has one. */
    static Optional<URI> discover(Http http, URI target) throws Http.Failure {
        Http.Response r = http.get(target);
        if (!r.ok()) {
            return Optional.empty();
        }
        for (String header : r.headers().allValues("link")) {
            Matcher m = LINK_VALUE.matcher(header);
            while (m.find()) {
                Matcher rel = REL.matcher(m.group(2));
                while (rel.find()) {
                    String rels = rel.group(2) != null ? rel.group(2) : rel.group(3);
                    for (String one : rels.toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (one.equals("webmention")) {
                            return Optional.of(resolve(r.uri(), m.group(1)));
                        }
                    }
                }
            }
        }
        String type = r.contentType().orElse("").toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            return Optional.empty();
        }
        Document doc = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8), r.uri().toString());
        Element first = doc.selectFirst("link[href][rel~=(?i)(^|\\s)webmention(\\s|$)], a[href][rel~=(?i)(^|\\s)webmention(\\s|$)]");
        return first == null ? Optional.empty() : Optional.of(resolve(r.uri(), first.attr("href")));
    }

    /** Resolves an endpoint against the page's address; an empty one is the page itself. */
    static URI resolve(URI base, String href) {
        String h = href.strip();
        return h.isEmpty() ? base : base.resolve(h);
    }
}
