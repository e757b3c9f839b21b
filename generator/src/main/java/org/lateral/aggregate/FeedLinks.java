package org.lateral.aggregate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lateral.aggregate.fetch.CachedFeed;
import org.lateral.aggregate.fetch.FeedCache;
import org.lateral.aggregate.parse.SafeXml;

/**
 * What a member's feed links besides its posts: the site's calendar and its community file, found
 * in the feed the hub last read (its cached body, or the local file), so nothing is configured.
 * Atom and RSS name them with links in the feed's head ({@code <link rel="alternate"
 * type="text/calendar">}, {@code <link rel="related" type="application/vnd.lateral.community+json">},
 * {@code atom:link} in RSS); a JSON Feed in its {@code _lateral} extension ({@code calendar},
 * {@code community}). For a feed read from a file, a link under the member's public feed address
 * ({@code feedUrl:}) is read from beside that file, and one above it from the folder that matches
 * ({@code cy/feed.xml} at {@code https://…/cy/feed.xml} reads {@code https://…/community.json} from
 * the folder holding {@code cy/}).
 */
final class FeedLinks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FeedLinks() {
    }

    /**
     * Where a member's feed says a file is.
     *
     * @param rel       the link's {@code rel} in Atom and RSS
     * @param type      the link's {@code type}
     * @param extension the key in a JSON Feed's {@code _lateral} object
     */
    static Optional<FeedLocation> discover(Subscription s, HubConfig config, FeedCache cache, String rel, String type,
            String extension) {
        Optional<byte[]> body;
        if (s.feed() instanceof FeedLocation.Local local) {
            body = readCapped(local.path(), config.settings().maxFeedSize());
        } else {
            Optional<CachedFeed> cached = cache.load(s.feed());
            Optional<Map<String, String>> known = cached.flatMap(CachedFeed::links);
            if (known.isPresent()) { // found when the body was read: the body need not be read again
                return Optional.ofNullable(known.get().get(extension)).flatMap(href -> locate(s, config, href));
            }
            body = cached.flatMap(c -> cache.body(s.feed(), c));
        }
        return body.flatMap(b -> link(b, rel, type, extension)).flatMap(href -> locate(s, config, href));
    }

    /** The kinds of link the hub looks for: {@code rel}, {@code type} and JSON Feed extension of each. */
    private static final List<String[]> KINDS = List.of(
            new String[] {"alternate", "text/calendar", "calendar"},
            new String[] {"related", org.lateral.community.CommunityFile.MEDIA_TYPE, "community"});

    /**
     * Every link of {@link #KINDS} a feed's body has, by extension name ("calendar", "community"),
     * as {@link #discover} would find them: kept with the body so it is not read again.
     */
    static Map<String, String> all(byte[] body) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String[] kind : KINDS) {
            link(body, kind[0], kind[1], kind[2]).ifPresent(href -> links.put(kind[2], href));
        }
        return links;
    }

    /** An address a member's feed gave, as the hub reads it: on the web, or beside a local feed file. */
    static Optional<FeedLocation> locate(Subscription s, HubConfig config, String href) {
        URI link;
        try {
            link = new URI(href);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        if (s.feed() instanceof FeedLocation.Local local) {
            Optional<URI> publicFeed = config.publicFeed(s);
            if (publicFeed.isPresent()) {
                String dir = publicFeed.get().toString().substring(0, publicFeed.get().toString().lastIndexOf('/') + 1);
                Path localDir = local.path().getParent();
                String written = local.written().substring(0, local.written().lastIndexOf('/') + 1);
                // a link above the feed's folder (a language side's feed, cy/feed.xml, naming the site's
                // community.json): go up while the folders on disk and on the web have the same names
                while (!link.toString().startsWith(dir) && localDir != null && localDir.getParent() != null) {
                    String path = dir.substring(0, dir.length() - 1);
                    String segment = path.substring(path.lastIndexOf('/') + 1);
                    if (segment.isEmpty() || path.endsWith("//" + segment) || !segment.equals(
                            String.valueOf(localDir.getFileName())) || !written.endsWith(segment + "/")) {
                        break;
                    }
                    dir = path.substring(0, path.lastIndexOf('/') + 1);
                    localDir = localDir.getParent();
                    written = written.substring(0, written.length() - segment.length() - 1);
                }
                if (link.toString().startsWith(dir) && !link.toString().substring(dir.length()).contains("..")) {
                    Path file = localDir.resolve(link.toString().substring(dir.length())).normalize();
                    if (file.startsWith(localDir)) {
                        return Optional.of(new FeedLocation.Local(file, written + link.toString().substring(dir.length())));
                    }
                }
            }
        }
        String scheme = link.getScheme() == null ? "" : link.getScheme();
        return scheme.equals("https") || scheme.equals("http") ? Optional.of(new FeedLocation.Remote(link))
                : Optional.empty();
    }

    private static Optional<byte[]> readCapped(Path file, long max) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > max) {
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first link of a feed's head with this {@code rel} and {@code type}, or its JSON Feed extension. */
    static Optional<String> link(byte[] feed, String rel, String type, String extension) {
        int i = 0;
        while (i < feed.length && (Character.isWhitespace(feed[i]) || feed[i] == (byte) 0xEF || feed[i] == (byte) 0xBB
                || feed[i] == (byte) 0xBF)) {
            i++;
        }
        if (i < feed.length && feed[i] == '{') {
            try {
                JsonNode value = JSON.readTree(feed).path("_lateral").path(extension);
                return value.isTextual() ? Optional.of(value.asText().strip()) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
        XMLInputFactory factory = SafeXml.staxFactory();
        try (InputStream in = new java.io.ByteArrayInputStream(feed)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            int elements = 0;
            while (r.hasNext() && elements < 200) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                elements++;
                String name = r.getLocalName();
                if (name.equals("entry") || name.equals("item")) {
                    break;
                }
                if (name.equals("link") && type.equals(r.getAttributeValue(null, "type"))
                        && rel.equals(r.getAttributeValue(null, "rel"))) {
                    return Optional.ofNullable(r.getAttributeValue(null, "href")).map(String::strip);
                }
            }
        } catch (XMLStreamException | IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
