package org.lateral.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.output.StagedOutput;
import org.lateral.render.Theme;
import org.lateral.site.Page;
import org.lateral.site.Site;

/**
 * A one-shot build ({@link #build}: a {@link Session} of its own) and the steps every build and
 * hub run share: stopping on errors, copying static files and pictures, reading data files, timing
 * phases. Use it through {@link org.lateral.Lateral#build} or {@link org.lateral.Lateral#session}.
 */
public final class SiteBuilder {

    /** Problems by file, then line and column, as an editor lists them. */
    static final java.util.Comparator<Problem> IN_FILE_ORDER = java.util.Comparator
            .comparing((Problem p) -> p.file() == null ? "" : p.file().toString())
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

    private SiteBuilder() {
    }

    /** A clean build in a session of its own (the command line's one-shot build). */
    public static BuildResult build(BuildRequest request) {
        return new Session(false).build(request);
    }

    /**
     * A hub's folder (its site.yaml has a {@code hub:} section) is made by {@code aggregate}, which
     * also builds the hub's own pages; {@code build} would quietly make an empty site of it.
     */
    static void refuseHub(Path siteDir, org.lateral.config.SiteConfig config) {
        config.hub().ifPresent(hub -> {
            Path file = org.lateral.config.SiteConfigLoader.find(siteDir).map(siteDir::relativize)
                    .orElse(Path.of("site.yaml"));
            throw new LateralException(Problem.error(file, Math.max(1, hub.line() - 1), 1,
                    "this folder is a hub (its site.yaml has a hub: section), which lateral build does not make:"
                            + " it would write an empty site",
                    "run lateral aggregate in this folder (with Maven, the lateral:aggregate goal) to read the"
                            + " members' feeds and build the hub with its own pages"));
        });
    }

    /**
     * Throws when {@code problems} holds an error; its warnings are moved (not copied) into
     * {@code warnings}, so calling this after each phase reports every warning once.
     */
    static void failOnErrors(List<Problem> problems, List<Problem> warnings) {
        List<Problem> errors = problems.stream().filter(Problem::isError).sorted(IN_FILE_ORDER).toList();
        problems.stream().filter(p -> !p.isError()).filter(p -> !warnings.contains(p)).forEach(warnings::add);
        problems.removeIf(p -> !p.isError());
        if (!errors.isEmpty()) {
            List<Problem> all = new ArrayList<>(errors);
            all.addAll(warnings);
            throw new LateralException(all);
        }
    }

    /** The same template error hit by many pages is reported once. */
    static List<Problem> dedupe(List<Problem> problems) {
        Map<String, Problem> unique = new LinkedHashMap<>();
        for (Problem p : problems) {
            unique.putIfAbsent(p.format(), p);
        }
        return new ArrayList<>(unique.values());
    }

    static void copyStatic(Theme theme, Path siteDir, Site site, StagedOutput out, AtomicInteger files) {
        copyStatic(theme, siteDir, site, Map.of(), out, files);
    }

    /** @param sides a bilingual site's other sides by folder ({@code cy/}): their posts' pictures go in it */
    static void copyStatic(Theme theme, Path siteDir, Site site, Map<String, Site> sides, StagedOutput out,
            AtomicInteger files) {
        sides.forEach((folder, side) -> {
            for (List<Page> list : List.of(side.posts(), side.pages())) {
                list.forEach(p -> copyResources(p, out, folder));
            }
        });
        theme.staticDirs().forEach(dir -> out.copyTree(dir, "")); // a parent theme's first
        Path own = siteDir.resolve("static");
        if (Files.isDirectory(own)) {
            out.copyTree(own, "");
        }
        for (Page p : site.posts()) {
            copyResources(p, out);
        }
        for (Page p : site.pages()) {
            copyResources(p, out);
        }
        for (org.lateral.site.Event e : site.events()) {
            copyResources(e.page(), out);
        }
        files.addAndGet(countFiles(out.staging()));
    }

    private static void copyResources(Page p, StagedOutput out) {
        copyResources(p, out, "");
    }

    private static void copyResources(Page p, StagedOutput out, String folder) {
        if (p.resources().isEmpty()) {
            return;
        }
        String dir = folder + p.address().outputDir();
        Path bundle = p.resources().get(0).getParent();
        while (bundle != null && !Files.exists(bundle.resolve("index.md"))) {
            bundle = bundle.getParent();
        }
        for (Path r : p.resources()) {
            String rel = (bundle == null ? r.getFileName() : bundle.relativize(r)).toString().replace('\\', '/');
            out.copy(r, dir + rel);
        }
    }

    private static int countFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(Files::isRegularFile).count() - 1; // minus the marker
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> loadData(Path siteDir) {
        Path dir = siteDir.resolve("data");
        Map<String, Object> data = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return data;
        }
        List<Problem> problems = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (org.lateral.content.SiteLinks.leaves(f, siteDir) || org.lateral.content.SiteLinks.leaves(dir, siteDir)
                        || dot < 0 || !List.of("yaml", "yml", "json").contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    continue;
                }
                try {
                    Object value = Yaml.parse(Files.readString(f, StandardCharsets.UTF_8), siteDir.relativize(f), 1)
                            .toPlain();
                    if (value != null) {
                        data.put(name.substring(0, dot), value);
                    }
                } catch (Yaml.YamlException e) {
                    problems.add(e.problem());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        return data;
    }

    /** Records the wall time of each phase. */
    static final class Stopwatch {
        private final Map<String, Duration> phases;
        private long last = System.nanoTime();

        Stopwatch(Map<String, Duration> phases) {
            this.phases = phases;
        }

        void lap(String phase) {
            long now = System.nanoTime();
            phases.merge(phase, Duration.ofNanos(now - last), Duration::plus);
            last = now;
        }
    }
}
