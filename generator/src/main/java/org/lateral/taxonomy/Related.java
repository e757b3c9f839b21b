package org.lateral.taxonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.lateral.site.Page;
import org.lateral.site.TermRef;

/**
 * Each post's related posts: those sharing the most of its tags, rarer tags counting for more
 * (a shared {@code lesson-study} says more than a shared {@code cpd}), ties going to the post
 * nearest in time.
 *
 * <p>Built from an inverted index (tag → posts), never by comparing every post with every other:
 * for each of a post's tags only the {@value #WINDOW} posts nearest in time on either side of it
 * in that tag's list are looked at, so a site of 10,000 posts with a tag on half of them costs
 * a few million steps, not 10<sup>8</sup>.
 *
 * @param bySource each post's related posts, best first, by the post's source path
 */
public record Related(Map<Path, List<Page>> bySource) {

    /** How many related posts each post gets at most. */
    public static final int MAX = 5;

    /** How many neighbours in time each of a post's tags contributes at most, on each side. */
    static final int WINDOW = 100;

    public Related {
        bySource = Map.copyOf(bySource);
    }

    /** The same related posts with pages swapped ({@link org.lateral.site.Site#withPages}). */
    public Related withPages(java.util.function.UnaryOperator<Page> swap) {
        // a body edit swaps one page, shown among few posts' related posts: only their lists change
        Map<Path, List<Page>> changed = new HashMap<>();
        bySource.forEach((k, v) -> {
            List<Page> w = org.lateral.site.Site.swapped(v, swap);
            if (w != v) {
                changed.put(k, w);
            }
        });
        if (changed.isEmpty()) {
            return this;
        }
        Map<Path, List<Page>> out = new HashMap<>(bySource);
        out.putAll(changed);
        return new Related(out);
    }

    /** The posts related to {@code page}, best first; empty for pages and untagged posts. */
    public List<Page> of(Page page) {
        return bySource.getOrDefault(page.source(), List.of());
    }

    /**
     * Indexes posts by tag and finds each post's best {@code max} matches.
     *
     * @param posts published posts, newest first
     */
    public static Related index(List<Page> posts, int max) {
        return index(posts, max, new AtomicLong());
    }

    /**
     * As {@link #index(List, int)}, adding to {@code looked} how many (post, candidate) pairs were
     * looked at: the work done, which tests bound instead of timing it.
     */
    static Related index(List<Page> posts, int max, AtomicLong looked) {
        long steps = 0;
        Map<String, List<Integer>> building = new LinkedHashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            for (TermRef t : posts.get(i).tags()) {
                building.computeIfAbsent(t.slug(), k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, int[]> postings = new HashMap<>();
        Map<String, Double> weight = new HashMap<>();
        building.forEach((slug, list) -> {
            postings.put(slug, list.stream().mapToInt(Integer::intValue).toArray());
            weight.put(slug, 1 + Math.log((double) posts.size() / list.size()));
        });

        long[] seconds = new long[posts.size()];
        int[] nanos = new int[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            java.time.Instant at = posts.get(i).date().toInstant();
            seconds[i] = at.getEpochSecond();
            nanos[i] = at.getNano();
        }
        double[] score = new double[posts.size()];
        int[] touched = new int[posts.size()];
        Map<Path, List<Page>> out = new HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            Page page = posts.get(i);
            int n = 0;
            for (TermRef t : page.tags()) {
                int[] list = postings.get(t.slug());
                double w = weight.get(t.slug());
                int at = Arrays.binarySearch(list, i);
                for (int k = Math.max(0, at - WINDOW); k < Math.min(list.length, at + WINDOW + 1); k++) {
                    steps++;
                    int j = list[k];
                    if (j == i) {
                        continue;
                    }
                    if (score[j] == 0) {
                        touched[n++] = j;
                    }
                    score[j] += w;
                }
            }
            if (n > 0) {
                out.put(page.source(), best(posts, i, seconds, nanos, touched, n, score, max));
            }
            for (int k = 0; k < n; k++) {
                score[touched[k]] = 0;
            }
        }
        looked.addAndGet(steps);
        return new Related(out);
    }

    /** The {@code max} best of the {@code n} touched posts, by score, then nearness in time, then recency. */
    private static List<Page> best(List<Page> posts, int page, long[] seconds, int[] nanos, int[] touched, int n,
            double[] score, int max) {
        int[] top = new int[Math.min(max, n)];
        int size = 0;
        for (int k = 0; k < n; k++) {
            int j = touched[k];
            int pos = size;
            while (pos > 0 && better(page, seconds, nanos, score, j, top[pos - 1])) {
                pos--;
            }
            if (pos >= top.length) {
                continue;
            }
            int end = Math.min(size, top.length - 1);
            System.arraycopy(top, pos, top, pos + 1, end - pos);
            top[pos] = j;
            size = Math.min(size + 1, top.length);
        }
        List<Page> result = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            result.add(posts.get(top[k]));
        }
        return List.copyOf(result);
    }

    private static boolean better(int page, long[] seconds, int[] nanos, double[] score, int a, int b) {
        if (score[a] != score[b]) {
            return score[a] > score[b];
        }
        long da = apartSeconds(seconds, nanos, a, page);
        long db = apartSeconds(seconds, nanos, b, page);
        if (da != db) {
            return da < db;
        }
        return a < b;
    }

    /**
     * {@code Duration.between(date of a, date of b).abs().getSeconds()} from the dates' instants,
     * without making a Duration per comparison (this runs for every candidate of every post).
     */
    static long apartSeconds(long[] seconds, int[] nanos, int a, int b) {
        long secs = seconds[b] - seconds[a];
        int nano = nanos[b] - nanos[a];
        if (nano < 0) {
            secs--;
            nano += 1_000_000_000;
        }
        return secs >= 0 ? secs : nano == 0 ? -secs : -secs - 1;
    }
}
