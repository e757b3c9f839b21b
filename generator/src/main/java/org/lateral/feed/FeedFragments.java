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
 * written that was not expected) is only made again: the bytes are the same either way. A build
 * session's fragments ({@link Memory}) keep every text instead: its next build splices them in.
 */
public final class FeedFragments {

    /** Which writer an entry's text is from. */
    enum Format { ATOM, RSS, JSON }

    private record Key(Format format, boolean full, FeedEntry entry) {
    }

    private final Map<Key, byte[]> texts;
    /**
     * Whether every text is kept to the end of the build (a session's fragments: the next build
     * splices them in) rather than let go after the last feed that carries it ({@link #expect}).
     */
    private final boolean keeps;
    /** A session's entries by source, with the page each was made from (null: a one-shot build's fragments). */
    private final Map<java.nio.file.Path, Made> made;

    /** A page's entry, made from that page object. */
    private record Made(org.lateral.site.Page page, FeedEntry entry) {
    }

    FeedFragments() {
        this(new ConcurrentHashMap<>(), false, null);
    }

    private FeedFragments(Map<Key, byte[]> texts, boolean keeps, Map<java.nio.file.Path, Made> made) {
        this.texts = texts;
        this.keeps = keeps;
        this.made = made;
    }

    /**
     * A build session's memory of its entries and their texts: an entry equal to one written before
     * (same title, dates, content, links…) is spliced in without being written again, and a page the
     * session kept (the same object) gives the entry made from it before, without its content's
     * addresses being made absolute again (the most of a feed's cost at 10,000 posts). They are
     * kept across builds for every source (a build after an edit plans only the feeds showing the
     * post, and the next edit others), one entry a source: when a source's page changes, the old
     * entry's texts are dropped. Nothing is kept across a change of {@code settings} (the site's
     * language, WebSub hubs or calendar change what surrounds an entry; the site's title, address
     * and taxonomies what an entry holds).
     */
    public static final class Memory {
        /** By language side: the settings the kept entries were made from, and the fragments. */
        private final Map<String, String> settings = new java.util.HashMap<>();
        private final Map<String, FeedFragments> last = new java.util.HashMap<>();

        /** The fragments of the next build of one language's side, made from settings identified by {@code settings}. */
        synchronized FeedFragments next(String side, String settings) {
            FeedFragments before = last.get(side);
            FeedFragments now = before != null && settings.equals(this.settings.get(side)) ? before
                    : new FeedFragments(new ConcurrentHashMap<>(), true, new ConcurrentHashMap<>());
            this.settings.put(side, settings);
            last.put(side, now);
            return now;
        }
    }

    /**
     * A page's entry: a session's entry made from the same page object (with the same settings, so
     * the same entry), else made, and kept for the source in place of the entry of its old page.
     */
    FeedEntry entry(org.lateral.site.Page page, java.util.function.Function<org.lateral.site.Page, FeedEntry> make) {
        if (made == null) {
            return make.apply(page);
        }
        Made known = made.get(page.source());
        if (known != null && known.page() == page) {
            return known.entry();
        }
        FeedEntry e = make.apply(page);
        Made old = made.put(page.source(), new Made(page, e));
        if (old != null && !old.entry().equals(e)) {
            forget(old.entry());
        }
        return e;
    }

    private void forget(FeedEntry e) {
        for (Format f : Format.values()) {
            texts.remove(new Key(f, true, e));
            texts.remove(new Key(f, false, e));
        }
    }

    /**
     * Lets go of the entries and texts of sources that are no longer the site's (a session's,
     * once more are kept than the site has pages: a post renamed or deleted).
     */
    void keepOnly(int pages, java.util.function.Supplier<java.util.Set<java.nio.file.Path>> of) {
        if (made == null || made.size() <= pages) {
            return;
        }
        java.util.Set<java.nio.file.Path> sources = of.get();
        made.entrySet().removeIf(en -> {
            if (sources.contains(en.getKey())) {
                return false;
            }
            forget(en.getValue().entry());
            return true;
        });
    }

    /** How many entries a session keeps (for tests). */
    int entriesKept() {
        return made == null ? 0 : made.size();
    }

    /** How many feeds still to write carry each entry, by format and entry address ({@link #expect}). */
    private final Map<Use, java.util.concurrent.atomic.AtomicInteger> uses = new ConcurrentHashMap<>();

    private record Use(Format format, String url) {
    }

    /**
     * Counts one more feed of {@code format} that will carry the entries at these addresses (each a
     * {@link FeedEntry#url()}); called while planning, before any feed is written.
     */
    void expect(Format format, List<String> entryUrls) {
        if (keeps || entryUrls.size() < 2) {
            return; // a session keeps every text for its next build; a feed of one entry keeps none
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
