package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lateral.Problem;
import org.lateral.content.Source;
import org.lateral.image.ImageFile;
import org.lateral.image.Pictures;
import org.lateral.image.ResponsiveHtml;
import org.lateral.markdown.Rendered;
import org.lateral.site.Cover;
import org.lateral.site.Covers;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * The pictures beside a build's posts and pages, made ready once per build ({@link Pictures}: the
 * right way up, in a few widths, without location metadata, from the cache when it has them), and
 * what the build does with them: each page's {@code <img>} made responsive ({@link #rewrite}), the
 * files to copy in place of the originals ({@link #files}), the covers templates show
 * ({@link #covers}). A picture that cannot be used is not published, with a warning at its file.
 */
final class PagePictures {

    /** No pictures prepared: every resource copied as it is (a hub's own pages). */
    static final PagePictures NONE = new PagePictures(Map.of(), 0);

    /** What a session kept of the last build's pictures: a file with the same size and time is not read again. */
    static final class Memory {
        private Map<Path, Kept> files = Map.of();
    }

    private record Kept(long size, long modified, Pictures.Result result) {
    }

    private final Map<Path, Pictures.Result> results;
    private final int encoded;

    private PagePictures(Map<Path, Pictures.Result> results, int encoded) {
        this.results = Map.copyOf(results);
        this.encoded = encoded;
    }

    /**
     * Prepares every picture beside the sources, in parallel; warnings for those that cannot be
     * published go into {@code problems}.
     *
     * @param memory a session's memory of the last build's pictures, or null
     */
    static PagePictures prepare(List<Source> sources, Path cacheDir, Path siteDir, Memory memory,
            List<Problem> problems) {
        List<Path> files = new ArrayList<>();
        for (Source s : sources) {
            for (Path r : s.resources()) {
                if (Pictures.isPicture(r) && !files.contains(r)) {
                    files.add(r);
                }
            }
        }
        if (files.isEmpty()) {
            if (memory != null) {
                memory.files = Map.of();
            }
            return NONE;
        }
        Pictures pictures = new Pictures(cacheDir);
        Map<Path, Kept> before = memory == null ? Map.of() : memory.files;
        Map<Path, Kept> now = new ConcurrentHashMap<>();
        Map<Path, Pictures.Result> results = new ConcurrentHashMap<>();
        files.parallelStream().forEach(f -> {
            BasicFileAttributes stat;
            try {
                stat = Files.readAttributes(f, BasicFileAttributes.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            Kept k = before.get(f);
            Pictures.Result r;
            if (k != null && k.size() == stat.size() && k.modified() == stat.lastModifiedTime().toMillis()
                    && stillThere(k.result())) {
                r = k.result();
            } else {
                r = pictures.prepare(f);
            }
            now.put(f, new Kept(stat.size(), stat.lastModifiedTime().toMillis(), r));
            results.put(f, r);
        });
        if (memory != null) {
            memory.files = Map.copyOf(now);
        }
        for (Path f : files) {
            if (results.get(f) instanceof Pictures.Unusable u) {
                Path shown = f.startsWith(siteDir) ? siteDir.relativize(f) : f;
                problems.add(Problem.warning(shown, 0, 0, "this picture is not published: " + u.reason(),
                        "open it in a photo app, save or export it again as a JPEG, and put the new file in "
                                + (shown.getParent() == null ? "its folder" : shown.getParent().toString().replace('\\', '/') + "/")
                                + " under the same name"));
            }
        }
        return new PagePictures(results, pictures.encoded());
    }

    /** Whether a kept picture's files are still in the cache (someone may have emptied it). */
    private static boolean stillThere(Pictures.Result r) {
        if (r instanceof Pictures.Ready ready) {
            ImageFile p = ready.picture();
            return Files.isRegularFile(p.original()) && p.variants().stream().allMatch(v -> Files.isRegularFile(v.file()));
        }
        return true;
    }

    /** Pictures read and resized in this build (not from the cache). */
    int encoded() {
        return encoded;
    }

    /** A fingerprint of what a source's pictures became: its responsive HTML changes only when this does. */
    String stamp(Source s) {
        StringBuilder b = new StringBuilder();
        for (Path r : s.resources()) {
            Pictures.Result res = results.get(r);
            if (res instanceof Pictures.Ready ready) {
                ImageFile p = ready.picture();
                b.append(r).append(' ').append(p.hash()).append(' ').append(p.width()).append('x').append(p.height())
                        .append(' ').append(p.variants().size()).append('\n');
            } else if (res != null) {
                b.append(r).append(" unusable\n");
            }
        }
        return b.toString();
    }

    /** The rendering with its pictures made responsive: the body's first picture loads at once, a summary's lazily. */
    Rendered rewrite(Source s, Rendered r) {
        if (results.isEmpty() || s.resources().isEmpty() || !r.html().contains("<img")) {
            return r;
        }
        Path dir = s.file().getParent();
        java.util.function.Function<String, Optional<ImageFile>> lookup = address -> lookup(dir, address);
        String html = ResponsiveHtml.rewrite(r.html(), lookup, true);
        String summary = ResponsiveHtml.rewrite(r.summaryHtml(), lookup, false);
        if (html.equals(r.html()) && summary.equals(r.summaryHtml())) {
            return r;
        }
        return new Rendered(html, summary, r.summaryText(), r.truncated(), r.tocHtml(), r.wordCount(), r.fileLinks(),
                r.pictures());
    }

    private Optional<ImageFile> lookup(Path dir, String address) {
        Path file;
        try {
            file = dir.resolve(address).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return results.get(file) instanceof Pictures.Ready ready ? Optional.of(ready.picture()) : Optional.empty();
    }

    /**
     * What to copy for a page's resources, by output path: a picture's original without its
     * metadata and its smaller copies beside it, other files as they are; a picture that cannot be
     * used is left out.
     */
    Map<String, Path> files(Page p) {
        return files(p, "");
    }

    /** @param folder a language side's folder ({@code cy/}) the page's files go in, or "" */
    Map<String, Path> files(Page p, String folder) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (p.resources().isEmpty()) {
            return out;
        }
        String dir = folder + p.address().outputDir();
        Path bundle = p.resources().get(0).getParent();
        while (bundle != null && !Files.exists(bundle.resolve("index.md"))) {
            bundle = bundle.getParent();
        }
        for (Path r : p.resources()) {
            String rel = (bundle == null ? r.getFileName() : bundle.relativize(r)).toString().replace('\\', '/');
            Pictures.Result res = results.get(r);
            if (res instanceof Pictures.Unusable) {
                continue;
            }
            if (res instanceof Pictures.Ready ready) {
                ImageFile picture = ready.picture();
                out.put(dir + rel, picture.original());
                for (ImageFile.Variant v : picture.variants()) {
                    out.putIfAbsent(dir + v.nameFor(rel), v.file());
                }
            } else {
                out.put(dir + rel, r);
            }
        }
        return out;
    }

    /** The covers of the site's pages whose {@code image:} is a picture beside them. */
    Covers covers(Site site) {
        if (results.isEmpty()) {
            return Covers.NONE;
        }
        Map<Path, Cover> covers = new HashMap<>();
        List<Page> all = new ArrayList<>(site.posts());
        all.addAll(site.pages());
        site.events().forEach(e -> all.add(e.page()));
        for (Page p : all) {
            if (p.image().isEmpty() || p.resources().isEmpty() || !p.image().get().startsWith(p.url())) {
                continue;
            }
            String rel = p.image().get().substring(p.url().length());
            Path dir = p.resources().get(0).getParent();
            while (dir != null && !Files.exists(dir.resolve("index.md"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                continue;
            }
            Optional<ImageFile> found = lookup(dir, decode(rel));
            if (found.isEmpty() || found.get().width() <= 0) {
                continue;
            }
            ImageFile f = found.get();
            String base = p.url();
            String src = f.widest(480).map(v -> base + v.nameFor(rel)).orElse(base + rel);
            String srcset = ResponsiveHtml.srcset(f, rel).replaceAll("(^|, )", "$1" + java.util.regex.Matcher.quoteReplacement(base));
            Optional<ImageFile.Variant> card = f.widest(1600);
            covers.put(p.source(), new Cover(src, srcset, f.width(), f.height(),
                    card.map(v -> base + v.nameFor(rel)).orElse(base + rel),
                    card.map(ImageFile.Variant::width).orElse(f.width()),
                    card.map(ImageFile.Variant::height).orElse(f.height())));
        }
        return new Covers(covers);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
