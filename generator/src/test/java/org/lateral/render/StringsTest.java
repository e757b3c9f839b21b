package org.lateral.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StringsTest {

    @TempDir
    Path tmp;

    /** A text asked for again with the same arguments (kept) is what it was the first time, on any thread. */
    @Test
    void textsAskedForAgainAreTheSameAsMadeAfresh() {
        Strings strings = Strings.load(ThemeLoader.load("default", tmp, getClass().getClassLoader()), tmp, "en", Locale.UK);
        for (int round = 0; round < 3; round++) {
            IntStream.range(0, 2000).parallel().forEach(n -> {
                assertThat(strings.get("reading_time", n)).isEqualTo(fresh("{0,choice,1#1 minute read|1<{0} minute read}", n));
                assertThat(strings.get("reading_time", (long) n)).isEqualTo(strings.get("reading_time", n));
                assertThat(strings.get("posts_by", "Author " + n)).isEqualTo("Posts by Author " + n);
            });
        }
        assertThat(strings.get("read_more", 1234)).isEqualTo("Read more: 1,234");
        assertThat(strings.get("read_more", new BigDecimal("2.50"))).isEqualTo("Read more: 2.5");
        assertThat(strings.get("read_more", 2.5)).isEqualTo("Read more: 2.5");
        StringBuilder changing = new StringBuilder("first");
        assertThat(strings.get("read_more", changing)).isEqualTo("Read more: first");
        changing.replace(0, 5, "second"); // a value that can change is never kept
        assertThat(strings.get("read_more", changing)).isEqualTo("Read more: second");
        assertThat(strings.get("no_such_key", 1)).isEqualTo("no_such_key");
    }

    private static String fresh(String pattern, int n) {
        return new MessageFormat(pattern, Locale.UK).format(new Object[] {n});
    }
}
