package org.lateral.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.parse.SafeXml;
import org.lateral.safety.Sanitizer;
import org.lateral.safety.UrlPolicy;

/**
 * Reads an OPML subscription list (the export of any feed reader) into {@link Subscription}s.
 *
 * <p>Every {@code outline} with an {@code xmlUrl} is a member: {@code text} (or {@code title})
 * is the name (plain text, as OPML defines it; control characters are removed), {@code htmlUrl} the site. The titles of the folders an outline sits in, and its
 * {@code category} attribute, become the member's topics. Relative feed paths are read from the
 * OPML file's folder. Member ids are slugs of the names, made unique with {@code -2}, {@code -3}.
 *
 * <p>The XML is read with DTDs and external entities off ({@link SafeXml}). A file that is not
 * well-formed, or that has a DOCTYPE, is an error ({@link LateralException} with the file and
 * line); an outline that cannot become a member is a warning in {@link Opml#problems()} and the
 * rest are still read.
 *
 * <pre>{@code
 * OpmlReader.Opml opml = OpmlReader.read(hubDir.resolve("members.opml"));
 * opml.problems().forEach(p -> System.err.println(p.format()));
 * }</pre>
 */
public final class OpmlReader {

    /**
     * A subscription list.
     *
     * @param title         the list's title (plain text; empty when it has none)
     * @param subscriptions the members, in document order
     * @param problems      outlines that were skipped, as warnings with their line
     */
    public record Opml(String title, List<Subscription> subscriptions, List<Problem> problems) {
        public Opml {
            Objects.requireNonNull(title, "title");
            subscriptions = List.copyOf(subscriptions);
            problems = List.copyOf(problems);
        }
    }

    private static final int MAX_OPML_BYTES = 10 * 1024 * 1024;

    private OpmlReader() {
    }

    public static Opml read(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (Files.size(file) > MAX_OPML_BYTES) {
                throw new LateralException(Problem.error(file, 0, 0, "the OPML file is larger than 10 MB",
                        "export the subscription list again; a list of members is far smaller"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, file);
            }
        } catch (NoSuchFileException e) {
            throw new LateralException(Problem.error(file, 0, 0, "the OPML file does not exist",
                    "check the hub's opml: setting; it is read from the hub's folder"));
        } catch (IOException e) {
            throw new LateralException(Problem.error(file, 0, 0, "the OPML file could not be read",
                    "check that the file exists and can be read"));
        }
    }

    private static Opml read(InputStream in, Path file) {
        Path baseDir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("").toAbsolutePath());
        List<Subscription> members = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Deque<Optional<String>> folders = new ArrayDeque<>();
        String title = "";
        XMLStreamReader xml = null;
        try {
            xml = SafeXml.staxFactory().createXMLStreamReader(in);
            boolean inHead = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new LateralException(Problem.error(file, xml.getLocation().getLineNumber(), 0,
                            "the OPML file has a DOCTYPE, which is not allowed",
                            "remove the <!DOCTYPE …> line; OPML does not need one"));
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("head")) {
                        inHead = true;
                    } else if (inHead && name.equals("title")) {
                        title = Sanitizer.normalizeText(xml.getElementText());
                    } else if (name.equals("outline")) {
                        folders.push(outline(xml, file, baseDir, folders, ids, members, problems));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("head")) {
                        inHead = false;
                    } else if (name.equals("outline") && !folders.isEmpty()) {
                        folders.pop();
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = Optional.ofNullable(e.getMessage()).orElse("")
                    .replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            throw new LateralException(Problem.error(file, at == null ? 0 : at.getLineNumber(),
                    at == null ? 0 : at.getColumnNumber(), "the OPML file is not well-formed XML: "
                            + Sanitizer.normalizeText(message),
                    "export the subscription list again from the feed reader, or fix the line shown"));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader over a file we are done with
                }
            }
        }
        return new Opml(title, members, problems);
    }

    /** Reads one outline; returns the folder name it opens (its text when it has no feed). */
    private static Optional<String> outline(XMLStreamReader xml, Path file, Path baseDir,
                                            Deque<Optional<String>> folders, Set<String> ids,
                                            List<Subscription> members, List<Problem> problems) {
        int line = xml.getLocation().getLineNumber();
        String text = Sanitizer.normalizeText(attr(xml, "text").or(() -> attr(xml, "title")).orElse(""));
        Optional<String> feed = attr(xml, "xmlUrl");
        if (feed.isEmpty()) {
            return Optional.of(text).filter(t -> !t.isEmpty());
        }
        FeedLocation location;
        try {
            location = FeedLocation.parse(feed.get(), baseDir);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.warning(file, line, 0, "skipped an outline: " + e.getMessage(),
                    "give it the feed's http(s) address as xmlUrl"));
            return Optional.empty();
        }
        if (location instanceof FeedLocation.Local) {
            // A subscription list comes from a feed reader, maybe from someone else: it may name
            // feeds on the web only, never a file on the hub's machine.
            problems.add(Problem.warning(file, line, 0, "skipped an outline: its xmlUrl \""
                            + Sanitizer.normalizeText((feed.get().length() > 200 ? feed.get().substring(0, 200) + "…" : feed.get())) + "\" is not an http or https address,"
                            + " and an OPML list may only name feeds on the web",
                    "give it the feed's https:// address; a feed file on this machine belongs in the hub's"
                            + " site.yaml (members:, with a path inside the hub's folder)"));
            return Optional.empty();
        }
        String name = text.isEmpty() ? location.display() : text;
        String id = Subscription.slug(name);
        for (int n = 2; !ids.add(id); n++) {
            id = Subscription.slug(name) + "-" + n;
        }
        List<String> topics = new ArrayList<>();
        folders.descendingIterator().forEachRemaining(f -> f.ifPresent(topics::add));
        attr(xml, "category").ifPresent(c -> {
            for (String part : c.split("[,/]")) {
                String topic = Sanitizer.normalizeText(part);
                if (!topic.isEmpty() && !topics.contains(topic)) {
                    topics.add(topic);
                }
            }
        });
        Subscription member = Subscription.of(name, location).withId(id).withTopics(topics);
        Optional<java.net.URI> site = attr(xml, "htmlUrl").flatMap(UrlPolicy::parseWeb);
        if (site.isPresent()) {
            member = member.withSite(site.get());
        }
        members.add(member);
        return Optional.empty();
    }

    private static Optional<String> attr(XMLStreamReader xml, String name) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return Optional.of(xml.getAttributeValue(i)).filter(v -> !v.isBlank());
            }
        }
        return Optional.empty();
    }
}
