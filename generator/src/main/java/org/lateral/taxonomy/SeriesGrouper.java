package org.lateral.taxonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import java.util.stream.Collectors;
import org.lateral.Problem;
import org.lateral.address.Address;
import org.lateral.internal.Slugs;
import org.lateral.site.Page;

/**
 * Groups posts into {@link Series} in one pass and orders each series' parts: by {@code part:}
 * where written, then the unnumbered posts by date. Two posts claiming the same part of a series
 * are an error; a series mixing numbered and unnumbered posts gets a warning. Stateless.
 */
public final class SeriesGrouper {

    private static final Comparator<Page> BY_DATE =
            Comparator.comparing(Page::date).thenComparing(p -> p.source().toString());

    private SeriesGrouper() {
    }

    /** The series, most recently continued first, and the problems found in their numbering. */
    public record Grouped(List<Series> series, List<Problem> problems) {
        public Grouped {
            series = List.copyOf(series);
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param posts    every published post
     * @param address  where the page of the series with a given slug lives
     * @param keyLine  the line of a front matter key in a post's source ({@code (page, "part")}),
     *                 for positioned problems
     */
    public static Grouped group(List<Page> posts, Function<String, Address> address,
            ToIntBiFunction<Page, String> keyLine) {
        Map<String, List<Page>> bySlug = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Page p : posts) {
            if (p.series().isEmpty()) {
                continue;
            }
            String slug = Slugs.slugify(p.series().get());
            if (slug.isEmpty()) {
                problems.add(Problem.warning(p.source(), keyLine.applyAsInt(p, "series"), 1,
                        "the series name \"" + p.series().get() + "\" has no letters or digits, so it has no page",
                        "name the series in words, e.g. series: Oracy project"));
                continue;
            }
            bySlug.computeIfAbsent(slug, k -> new ArrayList<>()).add(p);
        }
        List<Series> series = new ArrayList<>();
        bySlug.forEach((slug, pages) -> {
            List<Page> parts = order(pages, keyLine, problems);
            Address at = address.apply(slug);
            series.add(new Series(parts.get(0).series().orElseThrow(), slug, at, parts));
        });
        series.sort(Comparator.comparing((Series s) -> s.latest().date()).reversed().thenComparing(Series::slug));
        problems.sort(Comparator.comparing((Problem p) -> String.valueOf(p.file())).thenComparing(Problem::line));
        return new Grouped(series, problems);
    }

    private static List<Page> order(List<Page> pages, ToIntBiFunction<Page, String> keyLine,
            List<Problem> problems) {
        TreeMap<Integer, List<Page>> numbered = new TreeMap<>();
        List<Page> unnumbered = new ArrayList<>();
        for (Page p : pages) {
            if (p.part().isPresent()) {
                numbered.computeIfAbsent(p.part().get(), k -> new ArrayList<>()).add(p);
            } else {
                unnumbered.add(p);
            }
        }
        unnumbered.sort(BY_DATE);
        String name = pages.get(0).series().orElseThrow();
        List<Page> ordered = new ArrayList<>();
        for (Map.Entry<Integer, List<Page>> e : numbered.entrySet()) {
            List<Page> claimants = e.getValue();
            claimants.sort(BY_DATE);
            ordered.addAll(claimants);
            for (Page later : claimants.subList(1, claimants.size())) {
                problems.add(Problem.error(later.source(), keyLine.applyAsInt(later, "part"), 1,
                        "part " + e.getKey() + " of the series \"" + name + "\" is already taken by "
                                + shown(claimants.get(0).source()),
                        "give each part its own number: the parts so far are " + numbers(numbered)
                                + ", so write part: " + (numbered.lastKey() + 1)
                                + " here, or remove the part: line to place this post by its date"));
            }
        }
        if (!numbered.isEmpty()) {
            int next = numbered.lastKey() + 1;
            for (Page p : unnumbered) {
                problems.add(Problem.warning(p.source(), keyLine.applyAsInt(p, "series"), 1,
                        "this post is in the series \"" + name + "\" but has no part: number, while other parts"
                                + " have one, so it is listed after them",
                        "add a line such as part: " + next++ + " below the series: line"));
            }
        }
        ordered.addAll(unnumbered);
        return ordered;
    }

    private static String shown(Path source) {
        return "\"" + source.toString().replace('\\', '/') + "\"";
    }

    private static String numbers(TreeMap<Integer, List<Page>> numbered) {
        return numbered.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
