package org.lateral.aggregate.parse;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;

import org.jdom2.Document;
import org.jdom2.IllegalAddException;
import org.jdom2.IllegalDataException;
import org.jdom2.IllegalNameException;
import org.jdom2.IllegalTargetException;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.lateral.aggregate.Entry;
import org.lateral.aggregate.FeedStatus;
import org.lateral.safety.Deadline;
import org.lateral.safety.Sanitizer;
import org.lateral.safety.UrlPolicy;

/**
 * Reads a feed's bytes into normalised, sanitised entries, or says in plain words why it cannot.
 *
 * <p>Steps: decode ({@link FeedDecoder}: BOM, XML declaration, HTTP charset, windows-1252 for
 * mislabelled feeds, XML-illegal characters removed); sniff ({@link FeedSniffer}: empty, a web
 * page, not XML, a DOCTYPE); heal the HTML entities feeds commonly use ({@code &nbsp;}) with Rome's
 * {@code XmlFixerReader}; parse with {@link SafeXml} (no DTD, no external entities, no XInclude,
 * depth and size limits); resolve {@code xml:base}; let Rome read RSS 0.9x/1.0/2.0 or Atom; and
 * normalise each entry (see {@link Entry} for the rules, including the date policy). At most
 * {@code maxEntries} newest entries are kept.
 *
 * <pre>{@code
 * FeedParser parser = new FeedParser(Sanitizer.create(), 50);
 * ParsedFeed feed = parser.parse(bytes, FeedContext.of(member, Instant.now()));
 * }</pre>
 *
 * <p>Immutable and thread-safe; build one per run. Never throws for anything a feed contains.
 */
public final class FeedParser {

    /** An entity XML does not know ({@code &nbsp;}): only then is Rome's slow entity healer needed. */
    private static final Pattern HTML_ENTITY = Pattern.compile("&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z][A-Za-z0-9]*;");

    private final EntryNormalizer normalizer;
    private final int maxEntries;

    public FeedParser(Sanitizer sanitizer, int maxEntries) {
        this.normalizer = new EntryNormalizer(Objects.requireNonNull(sanitizer, "sanitizer"));
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
    }

    public ParsedFeed parse(byte[] bytes, FeedContext context) {
        return parse(bytes, context, Deadline.NONE);
    }

    /**
     * Reads a feed, giving up with a "took too long" status once {@code deadline} has passed
     * (checked while the XML streams past and between entries). Never throws for anything a feed
     * contains: any exception becomes this feed's failure.
     */
    public ParsedFeed parse(byte[] bytes, FeedContext context, Deadline deadline) {
        Objects.requireNonNull(context, "context");
        Read read = read(bytes, context.documentUri(), context.httpCharset(), deadline);
        return read.feed().map(feed -> finish(feed, context)).orElseGet(() -> ParsedFeed.failed(read.status()));
    }

    /**
     * What reading a feed's bytes gave: the feed ({@code status} OK), or why it could not be read.
     *
     * @param status OK, or the failure (then {@code feed} is empty)
     * @param feed   the feed as read, before the run's date policy and the member's settings
     */
    public record Read(FeedStatus status, Optional<ReadFeed> feed) {
        public Read {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(feed, "feed");
        }

        static Read failed(FeedStatus status) {
            return new Read(status, Optional.empty());
        }
    }

    /**
     * The first half of {@link #parse}: decodes, parses and sanitises, without anything that
     * depends on the run ("now", first-seen times) or the member (see {@link ReadEntry}), so the
     * result can be kept and {@linkplain #finish finished} in a later run. Never throws for
     * anything a feed contains.
     *
     * @param documentUri the address the bytes came from (relative addresses are read against it)
     */
    public Read read(byte[] bytes, URI documentUri, Optional<String> httpCharset, Deadline deadline) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(documentUri, "documentUri");
        Objects.requireNonNull(httpCharset, "httpCharset");
        Objects.requireNonNull(deadline, "deadline");
        try {
            return readOrThrow(bytes, documentUri, httpCharset, deadline);
        } catch (RuntimeException | StackOverflowError e) {
            // The last line of defence: whatever a feed makes a library throw is that feed's failure.
            return Read.failed(FeedStatus.unreadable("the feed reader could not make sense of it"));
        }
    }

    /**
     * The second half of {@link #parse}: a feed as read (now or in an earlier run) as this run
     * shows it: the date policy of {@link Entry}, the member's name and excerpt-only setting, the
     * newest {@code maxEntries} entries, newest first.
     */
    public ParsedFeed finish(ReadFeed feed, FeedContext context) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(context, "context");
        List<Entry> entries = new ArrayList<>(feed.entries().size());
        for (ReadEntry read : feed.entries()) {
            try {
                entries.add(EntryNormalizer.finish(read, context));
            } catch (RuntimeException e) {
                continue; // as when reading: one odd entry does not cost the member the rest
            }
        }
        entries.sort(Comparator.comparing(Entry::published).reversed().thenComparing(Entry::id));
        if (entries.size() > maxEntries) {
            entries = new ArrayList<>(entries.subList(0, maxEntries));
        }
        Map<String, Instant> firstSeen = new HashMap<>();
        for (Entry entry : entries) {
            firstSeen.put(entry.id(), entry.firstSeen());
        }
        return new ParsedFeed(FeedStatus.ok(), feed.title(), feed.siteLink(), entries, firstSeen);
    }

    private Read readOrThrow(byte[] bytes, URI documentUri, Optional<String> httpCharset, Deadline deadline) {
        String text = FeedDecoder.decode(bytes, httpCharset);
        FeedSniffer.Sniffed sniffed = FeedSniffer.sniff(text);
        switch (sniffed.verdict()) {
            case EMPTY:
                return Read.failed(FeedStatus.empty());
            case WEB_PAGE:
                return Read.failed(FeedStatus.notAFeed(true));
            case NOT_XML:
                return Read.failed(FeedStatus.notAFeed(false));
            case DOCTYPE:
                return Read.failed(FeedStatus.doctypeRefused(sniffed.line()));
            default:
                break;
        }
        Document document;
        try {
            String xml = sniffed.text();
            Reader reader = HTML_ENTITY.matcher(xml).find()
                    ? new XmlFixerReader(new StringReader(xml)) : new StringReader(xml);
            document = SafeXml.parse(reader, deadline);
        } catch (JDOMException e) {
            return Read.failed(describe(e, sniffed.text(), deadline));
        } catch (IllegalDataException | IllegalNameException | IllegalTargetException
                 | IllegalAddException e) {
            // JDOM checks names and text more strictly than the XML parser (a namespace "9ttp://x",
            // an element ":id", an attribute ":xi", a processing-instruction target "a:b").
            return Read.failed(FeedSniffer.startsLikeFeed(sniffed.text())
                    ? FeedStatus.malformedXml(0, "a name or namespace in it is not allowed in XML")
                    : FeedStatus.notAFeed(false));
        } catch (IOException e) {
            return Read.failed(FeedStatus.unreadable("the feed's text could not be read"));
        } catch (StackOverflowError e) {
            // Not expected (depth is limited while parsing); kept so one feed can never end the run.
            return Read.failed(FeedStatus.tooComplex("markup nested too deeply"));
        }
        if (deadline.passed()) {
            return Read.failed(FeedStatus.notReadInTime(deadline.limit(), false));
        }
        return read(document, documentUri, deadline);
    }

    private Read read(Document document, URI documentUri, Deadline deadline) {
        String root = document.getRootElement().getName().toLowerCase(Locale.ROOT);
        if (root.equals("html")) {
            return Read.failed(FeedStatus.notAFeed(true));
        }
        SyndFeed feed;
        List<FeedTree.EntryHints> hints;
        try {
            document.setBaseURI(documentUri.toString());
            FeedTree.resolveAtomLinks(document, documentUri);
            hints = FeedTree.entryHints(document, documentUri);
            feed = new SyndFeedInput(false, Locale.US).build(document);
        } catch (IllegalArgumentException e) {
            return Read.failed(FeedStatus.notAFeed(false));
        } catch (FeedException e) {
            return Read.failed(FeedStatus.unreadable("it is XML but not a readable RSS or Atom feed"));
        } catch (RuntimeException | StackOverflowError e) {
            return Read.failed(FeedStatus.unreadable("the feed reader could not make sense of it"));
        }
        List<SyndEntry> items = feed.getEntries();
        boolean aligned = hints.size() == items.size();
        List<ReadEntry> entries = new ArrayList<>(items.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (deadline.passed()) {
                return Read.failed(FeedStatus.notReadInTime(deadline.limit(), false));
            }
            FeedTree.EntryHints hint = aligned ? hints.get(i) : FeedTree.EntryHints.NONE;
            ReadEntry entry;
            try {
                entry = normalizer.read(feed, items.get(i), hint, documentUri);
            } catch (RuntimeException e) {
                continue; // one entry Rome handed over half-built does not cost the member the rest
            }
            if (ids.add(entry.id())) {
                entries.add(entry);
            }
        }
        boolean atom = Optional.ofNullable(feed.getFeedType()).orElse("").startsWith("atom");
        String title = normalizer.plainTitle(feed.getTitleEx(), feed.getTitle(), atom);
        Optional<URI> siteLink = UrlPolicy.resolveWeb(Optional.ofNullable(feed.getLink()).orElse(""), documentUri);
        return new Read(FeedStatus.ok(), Optional.of(new ReadFeed(EntryNormalizer.truncate(title, 200), siteLink,
                entries)));
    }

    private static FeedStatus describe(JDOMException e, String text, Deadline deadline) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SafeXml.DeadlineException) {
                return FeedStatus.notReadInTime(deadline.limit(), false);
            }
            if (t instanceof SafeXml.LimitException) {
                return FeedStatus.tooComplex(t.getMessage());
            }
        }
        String message = Optional.ofNullable(e.getCause()).map(Throwable::getMessage).orElse(e.getMessage());
        message = message == null ? "" : message;
        int line = e instanceof JDOMParseException ? ((JDOMParseException) e).getLineNumber() : 0;
        if (message.contains("DOCTYPE") || message.contains("disallow-doctype-decl")) {
            return FeedStatus.doctypeRefused(line);
        }
        if (FeedSniffer.looksLikeHtml(text)) {
            return FeedStatus.notAFeed(true);
        }
        if (!FeedSniffer.startsLikeFeed(text)) {
            // Not a feed at all: the parser's words could quote its content, which is never shown.
            return FeedStatus.notAFeed(false);
        }
        return FeedStatus.malformedXml(line, detail(message));
    }

    /** The XML parser's own words, short, one line, without the JDK's "lineNumber: …" prefix. */
    private static String detail(String message) {
        String d = message.replaceAll("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error):?\\s*", "")
                .replaceAll("^Error on line \\d+:?\\s*", "")
                .replaceAll("^lineNumber: \\d+; columnNumber: \\d+; ", "");
        d = Sanitizer.normalizeText(d);
        return EntryNormalizer.truncate(d, 160);
    }
}
