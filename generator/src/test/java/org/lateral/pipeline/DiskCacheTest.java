package org.lateral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The digests the build cache compares across processes are of a canonical text: the JDK's
 * immutable maps and sets iterate in an order chosen afresh in each process, so their
 * {@code toString} is not the same for the same front matter in two processes.
 */
class DiskCacheTest {

    record Lines(Map<String, Integer> keyLines, Optional<Set<String>> names, List<Object> values) {
    }

    @Test
    void equalValuesHaveTheSameTextWhateverTheOrderOfTheirMapsAndSets() {
        Map<String, Integer> one = new LinkedHashMap<>();
        one.put("title", 2);
        one.put("date", 3);
        one.put("tags", 6);
        Map<String, Integer> other = new LinkedHashMap<>();
        other.put("tags", 6);
        other.put("title", 2);
        other.put("date", 3);
        Set<String> a = new java.util.LinkedHashSet<>(List.of("x", "y"));
        Set<String> b = new java.util.LinkedHashSet<>(List.of("y", "x"));

        String first = DiskCache.canonical(new Lines(one, Optional.of(a), List.of(1, "two")));
        String second = DiskCache.canonical(new Lines(other, Optional.of(b), List.of(1, "two")));

        assertThat(first).isEqualTo(second);
        assertThat(DiskCache.canonical(new Lines(Map.of("title", 3), Optional.empty(), List.of())))
                .isNotEqualTo(DiskCache.canonical(new Lines(Map.of("title", 2), Optional.empty(), List.of())));
        assertThat(DiskCache.canonical(new Lines(one, Optional.of(a), List.of("two", 1)))).as("lists keep their order")
                .isNotEqualTo(first);
    }
}
