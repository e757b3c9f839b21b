package org.lateral.aggregate.parse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32C;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.lateral.aggregate.Enclosure;
import org.lateral.safety.UrlPolicy;

/**
 * A {@link ReadFeed} as the hub's cache keeps it, so a feed that answers 304 (or sends the same
 * bytes again) is not decoded, parsed and sanitised again. The file is one line of JSON saying
 * what it was made from, then the entries as JSON:
 *
 * <pre>{@code
 * {"format":3,"reader":"<sanitiser and reader version>","body":"<SHA-256 of the feed's bytes>",
 *  "document":"<the address the bytes came from>","charset":"<HTTP charset>","payload":"<CRC-32C of what follows>"}
 * {"title":…,"siteLink":…,"entries":[{"id":…,"content":"<sanitised HTML>",…,"replyTo":[…],"summaryOnly":false,
 *  "links":["<each href of the content>",…]}]}
 * }</pre>
 *
 * <p>{@link #decode} trusts nothing: a file of another format, made by another version of the
 * sanitiser or the reader, from other bytes or another address, whose payload does not match its
 * hash, that does not parse, or that holds an address that is not http(s), is refused (empty),
 * and the hub reads the feed's bytes again. Only the sanitised HTML is ever kept, never the feed's
 * own. A file of an older format (1: before entries kept {@code replyTo} and {@code summaryOnly};
 * 2: before they kept their content's links, which {@link org.lateral.aggregate.Conversations}
 * reads) is refused, so an old cache is read once more from the bodies.
 *
 * <p>The payload's check is a CRC-32C (hardware-accelerated: a warm run checks every file): it
 * finds a damaged or truncated file, which is all it is for, since whoever can write the cache
 * folder could rewrite any hash in it too.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadFeedFile {

    /** The layout of the file; a file with another number is read again from the feed's bytes. */
    static final int FORMAT = 3;
    /**
     * The version of what {@link FeedParser#read} keeps and how (limits, title and summary rules):
     * raise it whenever that changes, so files made by the older rules are not reused.
     */
    public static final int READER_VERSION = 1;

    /**
     * What a read feed was made from: the same three give the same result.
     *
     * @param bodySha256 the SHA-256 of the feed's bytes (as {@link org.lateral.aggregate.fetch.CachedFeed} keeps it)
     * @param document   the address the bytes came from (relative addresses were read against it)
     * @param charset    the HTTP charset that came with them
     */
    public record Source(String bodySha256, URI document, Optional<String> charset) {
        public Source {
            Objects.requireNonNull(bodySha256, "bodySha256");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(charset, "charset");
        }
    }

    private record Header(int format, String reader, String body, String document, String charset, String payload) {
    }

    private record StoredFeed(String title, String siteLink, List<StoredEntry> entries) {
    }

    private record StoredEntry(String id, String title, String link, List<String> authors, List<String> categories,
                               String published, String updated, String content, String summary,
                               List<StoredEnclosure> enclosures, String image, String language,
                               List<String> replyTo, Boolean summaryOnly, List<String> links) {
    }

    private record StoredEnclosure(String url, String type, long length) {
    }

    /** Why a stored value is refused: the file is not used. */
    private static final class Refused extends RuntimeException {
        Refused(String what) {
            super(what, null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // Made once, when the class is first used (before any feed's deadline starts): Jackson looks at
    // the records here, which takes a while the first time.
    private static final ObjectReader HEADER_READER = JSON.readerFor(Header.class);
    private static final ObjectReader FEED_READER = JSON.readerFor(StoredFeed.class);
    private static final ObjectWriter HEADER_WRITER = JSON.writerFor(Header.class);
    private static final ObjectWriter FEED_WRITER = JSON.writerFor(StoredFeed.class);

    private final String reader;

    /**
     * @param sanitizerVersion the {@link org.lateral.safety.Sanitizer#version()} of this run: a file
     *                         made by another one is never used
     */
    public ReadFeedFile(String sanitizerVersion) {
        this.reader = Objects.requireNonNull(sanitizerVersion, "sanitizerVersion") + "/reader-" + READER_VERSION;
    }

    /** The file's bytes for a feed read from {@code source}. */
    public byte[] encode(ReadFeed feed, Source source) {
        List<StoredEntry> entries = new ArrayList<>(feed.entries().size());
        for (ReadEntry e : feed.entries()) {
            List<StoredEnclosure> enclosures = e.enclosures().stream()
                    .map(x -> new StoredEnclosure(x.url().toString(), x.type(), x.length())).toList();
            entries.add(new StoredEntry(e.id(), e.title(), text(e.link()), e.authors(), e.categories(),
                    e.published().map(Instant::toString).orElse(null), e.updated().map(Instant::toString).orElse(null),
                    e.contentHtml(), e.summary(), enclosures, text(e.image()), e.language().orElse(null), e.replyTo(),
                    e.summaryOnly(), e.links()));
        }
        try {
            byte[] payload = FEED_WRITER.writeValueAsBytes(new StoredFeed(feed.title(), text(feed.siteLink()), entries));
            byte[] header = HEADER_WRITER.writeValueAsBytes(new Header(FORMAT, reader, source.bodySha256(),
                    source.document().toString(), source.charset().orElse(null), checksum(payload)));
            byte[] out = Arrays.copyOf(header, header.length + 1 + payload.length);
            out[header.length] = '\n';
            System.arraycopy(payload, 0, out, header.length + 1, payload.length);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the read feed could not be written as JSON", e);
        }
    }

    /**
     * The feed kept in {@code file}, when it was made by this version from the same source and is
     * whole; else empty (then the feed's bytes are read again).
     */
    public Optional<ReadFeed> decode(byte[] file, Source source) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        int newline = indexOf(file, (byte) '\n');
        if (newline < 0) {
            return Optional.empty();
        }
        try {
            Header header = HEADER_READER.readValue(file, 0, newline);
            if (header == null || header.format() != FORMAT || !reader.equals(header.reader())
                    || !source.bodySha256().equals(header.body())
                    || !source.document().toString().equals(header.document())
                    || !Objects.equals(source.charset().orElse(null), header.charset())) {
                return Optional.empty();
            }
            if (!checksum(file, newline + 1, file.length - newline - 1).equals(header.payload())) {
                return Optional.empty();
            }
            StoredFeed stored = FEED_READER.readValue(file, newline + 1, file.length - newline - 1);
            return Optional.of(toFeed(stored));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged or not ours: read the feed again
        }
    }

    private static ReadFeed toFeed(StoredFeed stored) {
        if (stored == null || stored.title() == null || stored.entries() == null) {
            throw new Refused("incomplete");
        }
        List<ReadEntry> entries = new ArrayList<>(stored.entries().size());
        for (StoredEntry e : stored.entries()) {
            if (e == null || e.authors() == null || e.categories() == null || e.enclosures() == null
                    || e.replyTo() == null || e.summaryOnly() == null || e.links() == null) {
                throw new Refused("incomplete entry");
            }
            List<Enclosure> enclosures = new ArrayList<>(e.enclosures().size());
            for (StoredEnclosure x : e.enclosures()) {
                enclosures.add(new Enclosure(web(x.url()).orElseThrow(() -> new Refused("enclosure")), x.type(),
                        x.length()));
            }
            entries.add(new ReadEntry(e.id(), e.title(), web(e.link()), e.authors(), e.categories(),
                    instant(e.published()), instant(e.updated()), e.content(), e.summary(), enclosures, web(e.image()),
                    Optional.ofNullable(e.language()), e.replyTo(), e.summaryOnly(), e.links()));
        }
        return new ReadFeed(stored.title(), web(stored.siteLink()), entries);
    }

    /** A stored address: absent, or an absolute http(s) one (anything else refuses the file). */
    private static Optional<URI> web(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        URI uri = URI.create(stored);
        if (!UrlPolicy.isWeb(uri)) {
            throw new Refused("address");
        }
        return Optional.of(uri);
    }

    private static Optional<Instant> instant(String stored) {
        return stored == null ? Optional.empty() : Optional.of(Instant.parse(stored));
    }

    private static String text(Optional<URI> uri) {
        return uri.map(URI::toString).orElse(null);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The check of a file's payload: its CRC-32C, in hex. */
    public static String checksum(byte[] bytes) {
        return checksum(bytes, 0, bytes.length);
    }

    private static String checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The SHA-256 of some bytes, in hex (as the cache names a feed's body). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
