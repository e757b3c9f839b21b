package org.lateral.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The site the rebuild property tests edit ({@code RebuildEditsIT} in one session, {@code DiskCacheIT}
 * in a new process each build): tags, categories, authors, a series, a draft, a scheduled post,
 * a post written as a folder, a page; two posts a list page so that edits move entries between pages.
 * For {@link TestSites#inline}; with the edits the tests make to it and the {@link Clock} that dates them.
 */
public final class EditedSite {

    private EditedSite() {
    }

    public static final String SITE = """
            -- site.yaml --
            title: Edits
            baseUrl: https://example.org/blog/
            paginate: 2
            paginateTerms: 2
            authors:
              ana: { name: Ana }
              ben: { name: Ben }
            -- content/posts/2024-01-05-a.md --
            ---
            title: A
            tags: [x]
            categories: [notes]
            series: Oracy
            part: 1
            ---
            First post. It links to [the second](2024-02-05-b.md).
            -- content/posts/2024-02-05-b.md --
            ---
            title: B
            tags: [y]
            authors: [ben]
            series: Oracy
            part: 2
            ---
            Second post.

            <!--more-->

            More of the second.
            -- content/posts/2024-03-05-c.md --
            ---
            title: C
            tags: [x, y]
            summary: A *short* summary of C.
            ---
            Third post, with a summary of its own.
            -- content/posts/2024-04-05-d.md --
            ---
            title: D
            tags: [x, z]
            authors: [ana]
            toc: true
            ---
            ## One

            Fourth post.

            ## Two

            The newest.
            -- content/posts/2024-05-01-e.md --
            ---
            title: E
            tags: [z]
            categories: [notes]
            ---
            Fifth post.
            -- content/posts/draft.md --
            ---
            title: Not yet
            date: 2024-05-10
            draft: true
            ---
            A draft.
            -- content/posts/2024-07-01-later.md --
            ---
            title: Later
            tags: [x]
            ---
            Scheduled for July.
            -- content/posts/walk/index.md --
            ---
            title: Walk
            date: 2024-03-20
            tags: [y]
            ---
            A walk. ![The route](route.txt)
            -- content/posts/walk/route.txt --
            a route
            -- content/pages/about.md --
            ---
            title: About
            date: 2024-01-01
            ---
            About us.
            """;

    @SafeVarargs
    public static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** The posts of the site, but {@code broken.md}, in path order. */
    public static List<Path> posts(Path site) throws IOException {
        try (Stream<Path> s = Files.walk(site.resolve("content/posts"))) {
            return s.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.getFileName().toString().equals("broken.md"))
                    .sorted().toList();
        }
    }

    /** Adds text at the end of a file. */
    public static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    /** Replaces the front-matter line starting with {@code key}, or adds it after the opening {@code ---}. */
    public static void replaceFrontMatterLine(Path file, String key, String line) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        for (int i = 1; i < end; i++) {
            if (lines.get(i).startsWith(key)) {
                lines.set(i, line);
                Files.write(file, lines);
                return;
            }
        }
        lines.add(1, line);
        Files.write(file, lines);
    }

    /**
     * Gives the site's files modification times in the past, each edit a later one than the last,
     * so that a session trusts unchanged sizes and times (files modified just before a build are
     * read again whatever their stat says).
     */
    public static final class Clock {
        private final Path site;
        private final Map<Path, FileTime> known = new TreeMap<>();
        private Instant time = Instant.parse("2020-01-01T00:00:00Z");

        public Clock(Path site) {
            this.site = site;
        }

        /** Every file, once: an old time. */
        public void age() throws IOException {
            for (Path f : all()) {
                Files.setLastModifiedTime(f, FileTime.from(time));
                known.put(f, Files.getLastModifiedTime(f));
            }
        }

        /**
         * Files whose bytes changed (or {@code touched}) get the next time; the others keep theirs.
         * Returns those files and the ones that are gone: what a watcher would have seen change.
         */
        public Set<Path> tick(Path touched) throws IOException {
            Set<Path> changed = new TreeSet<>();
            List<Path> now = all();
            for (Path gone : new ArrayList<>(known.keySet())) {
                if (!now.contains(gone)) {
                    changed.add(gone);
                    known.remove(gone);
                }
            }
            for (Path f : now) {
                FileTime before = known.get(f);
                FileTime current = Files.getLastModifiedTime(f);
                if (before == null || !before.equals(current) || f.equals(touched)) {
                    time = time.plusSeconds(60);
                    Files.setLastModifiedTime(f, FileTime.from(time));
                    changed.add(f);
                }
                known.put(f, Files.getLastModifiedTime(f));
            }
            return changed;
        }

        private List<Path> all() throws IOException {
            try (Stream<Path> s = Files.walk(site)) {
                return s.filter(Files::isRegularFile).filter(p -> !p.startsWith(site.resolve("public")))
                        .filter(p -> !p.startsWith(site.resolve(".lateral-cache"))).toList();
            }
        }
    }

    /** Every file of a folder by path, with its bytes. */
    public static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
