package org.lateral.feed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * Stable entry ids, so that a reader does not show a post as new when its title, slug or URL
 * changes. An id is a {@code tag:} URI (RFC 4151) made of the site's host, the post's date and
 * the post's source file without its extension and without a trailing {@code /index}:
 *
 * <pre>tag:example.org,2024-03-05:/cpd/posts/teachmeet-reflection</pre>
 *
 * <p>It is therefore the same for {@code posts/teachmeet-reflection.md} and
 * {@code posts/teachmeet-reflection/index.md} (turning a post into a folder to add images keeps
 * its id), and changes only when the file is renamed, its date changes or the site moves to
 * another host. An {@code id:} line in the front matter pins the id: an absolute URI
 * ({@code https://old-blog.example/?p=123}, say, kept from an imported blog) is used as it is,
 * anything else replaces the file part of the tag URI. {@code guid:} (written by {@code lateral import}
 * from the old blog's entry ids) does the same when there is no {@code id:}.
 */
final class EntryIds {

    private EntryIds() {
    }

    static String of(Page page, Site site) {
        Object pinned = page.params().get("id");
        if (pinned == null || String.valueOf(pinned).isBlank()) {
            pinned = page.params().get("guid"); // the importer's name for an old blog's entry id
        }
        String specific;
        if (pinned != null && !String.valueOf(pinned).isBlank()) {
            String id = XmlChars.clean(String.valueOf(pinned).strip());
            if (isAbsoluteUri(id)) {
                return id;
            }
            specific = site.basePath() + encode(id.startsWith("/") ? id.substring(1) : id);
        } else {
            specific = site.basePath() + encode(sourceKey(page.source()));
        }
        String host = URI.create(site.baseUrl()).getHost();
        String date = page.date().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
        return "tag:" + (host == null ? "localhost" : host.toLowerCase(Locale.ROOT)) + "," + date + ":" + specific;
    }

    /** {@code content/posts/a/index.md} → {@code posts/a}; {@code content/posts/b.md} → {@code posts/b}. */
    static String sourceKey(Path source) {
        String s = source.toString().replace('\\', '/');
        if (s.startsWith("content/")) {
            s = s.substring("content/".length());
        }
        int slash = s.lastIndexOf('/');
        int dot = s.lastIndexOf('.');
        if (dot > slash) {
            s = s.substring(0, dot);
        }
        if (s.endsWith("/index")) {
            s = s.substring(0, s.length() - "/index".length());
        }
        return s;
    }

    private static boolean isAbsoluteUri(String s) {
        int colon = s.indexOf(':');
        if (colon < 1 || s.contains(" ")) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the characters a tag URI allows unescaped; percent-encodes every other byte of UTF-8. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
            if (keep) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
