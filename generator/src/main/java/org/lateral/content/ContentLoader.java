package org.lateral.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.lateral.Problem;

/**
 * Finds a site's Markdown files ({@code content/posts/}, {@code content/pages/}, {@code content/events/}) and reads them in
 * parallel into {@link Source}s. A post is {@code name.md} or a folder {@code name/index.md} whose
 * other files (images…) are its resources. Files and folders starting with {@code _} or {@code .}
 * are skipped.
 */
public final class ContentLoader {

    /** The sources found, sorted by path, and every problem with them. */
    public record Loaded(List<Source> sources, List<Problem> problems) {
        public Loaded {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
        }
    }

    /** The largest post or page read, in bytes. */
    public static final long MAX_BYTES = 5_000_000;

    private final Path siteDir;
    private final FrontMatterParser parser;
    private final Memory memory;
    private final ZoneId zone;

    public ContentLoader(Path siteDir, ZoneId zone) {
        this(siteDir, zone, null);
    }

    /**
     * @param memory what an earlier load of the same site read (a build session's), so that a file
     *               whose size and modification time did not change is not read again; or null
     */
    public ContentLoader(Path siteDir, ZoneId zone, Memory memory) {
        this.siteDir = siteDir;
        this.zone = zone;
        this.parser = new FrontMatterParser(zone);
        this.memory = memory;
    }

    /**
     * What the last load read, file by file, kept by a build session: a file is read and parsed
     * again only when its size, modification time or resources differ from the last load's, or
     * when it was modified less than {@link #RACY_MILLIS} before that load began (a file saved
     * twice within the file system's clock granularity could keep its size and time; such a file
     * is read again until it is older). A new time zone forgets everything (dates are parsed in it).
     */
    public static final class Memory {
        private Map<Path, Entry> files = Map.of();
        /**
         * The last full scan's files in order, and the problems of the site's folders it found
         * (a folder that is a file, a link leaving the site): what {@link #load(Set)} reuses when
         * it is told which files changed. Null before the first full scan.
         */
        private List<Candidate> candidates;
        private Map<Path, Candidate> byFile = Map.of();
        private List<Problem> folderProblems = List.of();
        private long loadStarted = Long.MIN_VALUE;
        private ZoneId zone;
        private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        /** How many files the last load read from disk (the others were the same as before). */
        public int reads() {
            return reads.get();
        }
    }

    /** How recent a file's modification time may be, before the last load, for its stat to be trusted. */
    static final long RACY_MILLIS = 2_000;

    private record Entry(long size, FileTime modified, String section, List<Path> resources, Read read) {
    }

    public Loaded load() {
        List<Candidate> candidates = new ArrayList<>();
        Path content = siteDir.resolve("content");
        discover(content.resolve(Source.POSTS), Source.POSTS, candidates);
        discover(content.resolve(Source.PAGES), Source.PAGES, candidates);
        discover(content.resolve(Source.EVENTS), Source.EVENTS, candidates);
        if (Files.isDirectory(content) && !SiteLinks.leaves(content, siteDir)) {
            try (Stream<Path> top = Files.list(content)) {
                top.filter(ContentLoader::isMarkdown).filter(p -> !SiteLinks.leaves(p, siteDir))
                        .filter(Files::isRegularFile).sorted()
                        .forEach(p -> candidates.add(new Candidate(p, Source.PAGES, List.of())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + content, e);
            }
        }
        List<Read> results;
        if (memory == null) {
            results = candidates.parallelStream().map(this::read).toList();
        } else {
            long started = System.currentTimeMillis();
            Map<Path, Entry> before = zone.equals(memory.zone) ? memory.files : Map.of();
            long trusted = memory.loadStarted == Long.MIN_VALUE ? Long.MIN_VALUE : memory.loadStarted - RACY_MILLIS;
            Map<Path, Entry> now = new ConcurrentHashMap<>();
            memory.reads.set(0);
            results = candidates.parallelStream().map(c -> remembered(c, before, trusted, now)).toList();
            memory.files = now;
            memory.loadStarted = started;
            memory.zone = zone;
        }
        List<Problem> folderProblems = new ArrayList<>(foldersThatAreFiles());
        folderProblems.addAll(SiteLinks.warnings(siteDir));
        if (memory != null) {
            memory.candidates = List.copyOf(candidates);
            Map<Path, Candidate> byFile = new java.util.HashMap<>();
            candidates.forEach(c -> byFile.put(c.file(), c));
            memory.byFile = byFile;
            memory.folderProblems = List.copyOf(folderProblems);
        }
        return loaded(results, folderProblems);
    }

    /**
     * The same as {@link #load()}, told which files changed since the last load of this memory (a
     * preview's watcher knows): when each is a Markdown file that load found and is still there,
     * only those are read again and nothing else is listed or stat-ed (an edit to one post of
     * 10,000 reads one file). Anything else (a new, deleted or renamed file, a folder, a picture,
     * no earlier load) makes a full {@link #load()}.
     *
     * @param changed absolute paths of the files that changed; null means unknown (a full load)
     */
    public Loaded load(java.util.Set<Path> changed) {
        if (memory == null || changed == null || memory.candidates == null || !zone.equals(memory.zone)) {
            return load();
        }
        for (Path p : changed) {
            Candidate c = memory.byFile.get(p);
            if (c == null || !memory.files.containsKey(p)
                    || !Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return load();
            }
        }
        Map<Path, Entry> files = memory.files;
        memory.reads.set(0);
        List<Read> results = new ArrayList<>(memory.candidates.size());
        for (Candidate c : memory.candidates) {
            if (!changed.contains(c.file())) {
                Entry e = files.get(c.file());
                if (e == null) { // the last load could not stat it: it reported that, so look again
                    return load();
                }
                results.add(e.read());
                continue;
            }
            // read whatever its stat says: the watcher saw it change (a save within the clock's
            // granularity may keep its size and time). The memory's load time is left as it was,
            // so the next full load does not trust the files not read here any more than before.
            BasicFileAttributes stat;
            try {
                stat = Files.readAttributes(c.file(), BasicFileAttributes.class);
            } catch (IOException e) {
                return load();
            }
            memory.reads.incrementAndGet();
            Read r = read(c);
            files.put(c.file(), new Entry(stat.size(), stat.lastModifiedTime(), c.section(), c.resources(), r));
            results.add(r);
        }
        return loaded(results, memory.folderProblems);
    }

    private static Loaded loaded(List<Read> results, List<Problem> folderProblems) {
        List<Source> sources = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(folderProblems);
        for (Read r : results) {
            r.source().ifPresent(sources::add);
            problems.addAll(r.problems());
        }
        return new Loaded(sources, problems);
    }

    /** The folders Lateral reads from, each of which would be silently ignored if it were a file. */
    private static final List<String> FOLDERS = List.of("content", "content/" + Source.POSTS,
            "content/" + Source.PAGES, "content/" + Source.EVENTS, "static", "templates", "data", "i18n");

    private List<Problem> foldersThatAreFiles() {
        List<Problem> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path p = siteDir.resolve(folder);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                out.add(Problem.error(Path.of(folder), 0, 0, folder + " is a file, but Lateral reads it as a folder,"
                        + " so nothing in it would be used",
                        "rename the file (for example to " + folder + ".txt) and create a folder called " + folder
                                + "/ in its place"));
            }
        }
        return out;
    }

    private record Candidate(Path file, String section, List<Path> resources) {
    }

    /** One file read: its source (unless it had errors) and its problems. */
    private record Read(java.util.Optional<Source> source, List<Problem> problems) {
        static Read failed(List<Problem> problems) {
            return new Read(java.util.Optional.empty(), problems);
        }
    }

    private static boolean isMarkdown(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".md") || n.endsWith(".markdown")) && !n.startsWith("_") && !n.startsWith(".");
    }

    private static boolean hidden(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("_") || n.startsWith(".");
    }

    private void discover(Path dir, String section, List<Candidate> out) {
        if (!Files.isDirectory(dir) || SiteLinks.leaves(dir, siteDir)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path p : entries) {
            if (hidden(p) || SiteLinks.leaves(p, siteDir)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                Path index = p.resolve("index.md");
                if (Files.isRegularFile(index) && !SiteLinks.leaves(index, siteDir)) {
                    out.add(new Candidate(index, section, resources(p)));
                } else {
                    discover(p, section, out);
                }
            } else if (isMarkdown(p)) {
                out.add(new Candidate(p, section, List.of()));
            }
        }
    }

    private List<Path> resources(Path bundle) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(bundle)) {
            s.filter(p -> !SiteLinks.leaves(p, siteDir)).filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("index.md"))
                    .filter(p -> !isMarkdown(p))
                    .filter(p -> !hidden(p))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bundle, e);
        }
        return Collections.unmodifiableList(out);
    }

    /** The last load's reading of a file whose size, time and resources are unchanged, else a new one. */
    private Read remembered(Candidate c, Map<Path, Entry> before, long trusted, Map<Path, Entry> now) {
        BasicFileAttributes stat;
        try {
            stat = Files.readAttributes(c.file(), BasicFileAttributes.class);
        } catch (IOException e) {
            return read(c); // reports it
        }
        Entry e = before.get(c.file());
        if (e != null && e.size() == stat.size() && e.modified().equals(stat.lastModifiedTime())
                && stat.lastModifiedTime().toMillis() < trusted && e.section().equals(c.section())
                && e.resources().equals(c.resources())) {
            now.put(c.file(), e);
            return e.read();
        }
        memory.reads.incrementAndGet();
        Read r = read(c);
        now.put(c.file(), new Entry(stat.size(), stat.lastModifiedTime(), c.section(), c.resources(), r));
        return r;
    }

    private Read read(Candidate c) {
        Path shown = siteDir.relativize(c.file());
        String text;
        try {
            long size = Files.size(c.file());
            if (size > MAX_BYTES) {
                return Read.failed(List.of(Problem.error(shown, 1, 1, String.format(Locale.ROOT,
                        "this file is %.1f MB; a post or page may be at most %d MB", size / 1e6, MAX_BYTES / 1_000_000),
                        "split it into several posts; pictures and documents go beside the post as files of their"
                                + " own, not pasted into the text")));
            }
            byte[] bytes = Files.readAllBytes(c.file());
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Read.failed(List.of(Problem.error(shown, 0, 0, "this file is not saved as UTF-8 text",
                    "open it in your editor and save it with the UTF-8 encoding")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + c.file(), e);
        }
        text = text.replace("\r\n", "\n");
        List<Problem> warnings = new ArrayList<>();
        text = withoutControlCharacters(text, shown, warnings);
        FrontMatterParser.Parsed parsed = parser.parse(text, shown, c.section());
        warnings.addAll(parsed.problems());
        if (parsed.problems().stream().anyMatch(Problem::isError)) {
            return Read.failed(warnings);
        }
        List<Problem> unsafe = UnsafeValues.check(parsed.frontMatter(), shown);
        if (!unsafe.isEmpty()) {
            return Read.failed(unsafe);
        }
        String fileName = c.file().getFileName().toString();
        String name = fileName.equals("index.md") ? c.file().getParent().getFileName().toString()
                : fileName.substring(0, fileName.lastIndexOf('.'));
        return new Read(java.util.Optional.of(new Source(c.file(), shown, c.section(), name, parsed.frontMatter(),
                parsed.body(), parsed.bodyLine(), c.resources())), warnings);
    }

    /**
     * Removes invisible control characters (pasted from word processors, say), which make HTML
     * invalid and XML feeds unreadable, with a warning naming the first one's position.
     */
    static String withoutControlCharacters(String text, Path file, List<Problem> warnings) {
        StringBuilder out = null;
        int line = 1;
        int col = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = (ch < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') || (ch >= 0x7F && ch <= 0x9F)
                    || ch == '\uFFFE' || ch == '\uFFFF';
            if (control) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                    warnings.add(Problem.warning(file, line, col, String.format(Locale.ROOT,
                            "an invisible control character (U+%04X) was removed", (int) ch),
                            "delete it in your editor (it often comes from text pasted from another program)"));
                }
            } else if (out != null) {
                out.append(ch);
            }
            if (ch == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return out == null ? text : out.toString();
    }
}
