package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lateral.content.Aliases;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * The redirect pages of {@code aliases:}: at each old address of a post or page, a small page with a
 * canonical link to the new address, an immediate meta refresh to it, and a visible link for browsers
 * that do not follow refreshes. Search engines take the canonical link; nothing lists these pages
 * (not the sitemap, not feeds). A page that is not built (a draft) writes none.
 */
final class AliasPages {

    /** Where an alias came from, for "two pages claim one address" problems. */
    static final String ORIGIN_PREFIX = "the old address ";

    private AliasPages() {
    }

    static List<Output> outputs(Site site) {
        return outputs(site, "");
    }

    /** @param prefix the folder of the side of a bilingual site the pages are on ({@code cy/}); aliases are the whole site's */
    static List<Output> outputs(Site site, String prefix) {
        List<Output> out = new ArrayList<>();
        Stream.concat(site.posts().stream(), site.pages().stream()).forEach(page -> {
            for (String alias : aliases(page)) {
                String path = Aliases.outputPath(alias);
                if (path.equals(prefix + page.outputPath())) {
                    continue; // the page is already there: nothing moved
                }
                out.add(new Output(Kind.ALIAS, Format.HTML, path, ORIGIN_PREFIX + alias + " in " + page.source(),
                        Optional.of(page.source()), Set.of(Input.source(page.source()), Input.CONFIG),
                        () -> html(site, page, path, prefix)));
            }
        });
        return out;
    }

    static List<String> aliases(Page page) {
        Object value = page.params().get("aliases");
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    static byte[] html(Site site, Page page, String from) {
        return html(site, page, from, "");
    }

    static byte[] html(Site site, Page page, String from, String prefix) {
        String target = site.config().relativeUrls() ? relative(from, prefix + page.outputPath()) : page.url();
        String title = escape(page.title());
        String href = escape(target);
        String html = "<!DOCTYPE html>\n"
                + "<html lang=\"" + escape(site.config().language()) + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<title>" + title + "</title>\n"
                + "<link rel=\"canonical\" href=\"" + escape(page.permalink()) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\">\n"
                + "</head>\n"
                + "<body>\n"
                + "<main>\n"
                + "<h1>" + title + "</h1>\n"
                + "<p>This page has moved: <a href=\"" + href + "\">" + title + "</a>.</p>\n"
                + "</main>\n"
                + "</body>\n"
                + "</html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    /** From {@code 2015/03/old/index.html} to {@code 2024/03/new/index.html}: {@code ../../../2024/03/new/index.html}. */
    static String relative(String from, String to) {
        int depth = (int) from.chars().filter(c -> c == '/').count();
        return "../".repeat(depth) + to;
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
