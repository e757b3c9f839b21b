package org.lateral.feed;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each entry's text in each feed format, serialised once per build and spliced into every feed that
 * carries it (a post is in the site's feeds and in those of each of its tags, categories, authors and
 * series). The writers still make every byte through Rome and JDOM (or Jackson): a feed is written
 * with its first entry only, and the text of that entry is replaced by the texts of all its entries,
 * each cut from a feed of that one entry. An entry's text depends only on the entry, the format and
 * whether feeds are full (its depth and the namespaces in scope are the same in every feed of a
 * format), so the bytes are those of writing the whole feed at once; {@code FeedFragmentsTest}
 * checks that they are. Thread-safe: feeds are written in parallel and share one instance.
 *
 * <p>A planner says beforehand how many feeds of each format will carry each entry ({@link #expect});
 * an entry's text is let go once the last of them is written, so a build holds only the texts of
 * feeds still to write rather than every text until its end. A text let go too early (a feed
 * written that was not expected) is only made again: the bytes are the same either way.
 */
final class FeedFragments {

    /** Which writer an entry's text is from. */
    enum Format { ATOM, RSS, JSON }

    private record Key(Format format, boolean full, FeedEntry entry) {
    }

    private final Map<Key, byte[]> texts = new ConcurrentHashMap<>();
    /** How many feeds still to write carry each entry, by format and entry address ({@link #expect}). */
    private final Map<Use, java.util.concurrent.atomic.AtomicInteger> uses = new ConcurrentHashMap<>();

    private record Use(Format format, String url) {
    }

    /**
     * Counts one more feed of {@code format} that will carry the entries at these addresses (each a
     * {@link FeedEntry#url()}); called while planning, before any feed is written.
     */
    void expect(Format format, List<String> entryUrls) {
        if (entryUrls.size() < 2) {
            return; // a feed of one entry is written whole: it keeps no text
        }
        for (String url : entryUrls) {
            uses.computeIfAbsent(new Use(format, url), u -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }
    }

    /** How many entry texts are held now (for tests). */
    int held() {
        return texts.size();
    }

    /**
     * A feed of several entries, from the feed written with one entry.
     *
     * @param doc    the feed
     * @param write  writes a feed (all its entries) as text
     * @param cut    the start and end of the one entry's text in a feed written with one entry
     * @param joiner what stands between two entries' texts
     * @return the UTF-8 bytes of {@code doc} with all its entries, as {@code write} would give them
     *         (each entry kept as UTF-8: the cuts fall on ASCII characters, so the bytes join up)
     */
    byte[] write(Format format, FeedDocument doc, Function<FeedDocument, String> write, Cut cut, String joiner) {
        List<FeedEntry> entries = doc.entries();
        if (entries.size() < 2) {
            return write.apply(doc).getBytes(StandardCharsets.UTF_8);
        }
        String first = write.apply(doc.withEntries(entries.subList(0, 1)));
        int[] at = cut.find(first);
        byte[] between = joiner.getBytes(StandardCharsets.UTF_8);
        texts.putIfAbsent(new Key(format, doc.full(), entries.get(0)), utf8(first, at[0], at[1]));
        List<byte[]> parts = new ArrayList<>(2 * entries.size() + 1);
        parts.add(utf8(first, 0, at[0]));
        for (int i = 0; i < entries.size(); i++) {
            FeedEntry e = entries.get(i);
            if (i > 0) {
                parts.add(between);
            }
            parts.add(texts.computeIfAbsent(new Key(format, doc.full(), e), k -> {
                String one = write.apply(doc.withEntries(List.of(e)));
                int[] range = cut.find(one);
                return utf8(one, range[0], range[1]);
            }));
        }
        parts.add(utf8(first, at[1], first.length()));
        for (FeedEntry e : entries) {
            java.util.concurrent.atomic.AtomicInteger left = uses.get(new Use(format, e.url()));
            if (left != null && left.decrementAndGet() == 0) { // the last feed that carries it: let its text go
                texts.remove(new Key(format, doc.full(), e));
            }
        }
        int size = 0;
        for (byte[] b : parts) {
            size += b.length;
        }
        byte[] out = new byte[size];
        int pos = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, out, pos, b.length);
            pos += b.length;
        }
        return out;
    }

    private static byte[] utf8(String s, int from, int to) {
        return s.substring(from, to).getBytes(StandardCharsets.UTF_8);
    }

    /** Finds the one entry's text in a feed written with one entry: {start, end}. */
    @FunctionalInterface
    interface Cut {
        int[] find(String feedOfOne);

        /** From the line that starts with {@code open} to the end of the last {@code close}. */
        static Cut between(String open, String close) {
            return text -> {
                int start = text.indexOf(open);
                int end = text.lastIndexOf(close);
                if (start < 0 || end < start) {
                    throw new IllegalStateException("no " + open.strip() + " in a feed of one entry");
                }
                return new int[] {start + (open.startsWith("\r\n") ? 2 : open.startsWith("\n") ? 1 : 0),
                    end + close.length()};
            };
        }
    }
}
