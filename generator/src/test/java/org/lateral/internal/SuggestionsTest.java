package org.lateral.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("title", "tags", "date", "categories", "summary");

    @Test
    void suggestsCloseKeys() {
        assertThat(Suggestions.closest("tgas", KEYS)).contains("tags");
        assertThat(Suggestions.closest("tag", KEYS)).contains("tags");
        assertThat(Suggestions.closest("catagories", KEYS)).contains("categories");
        assertThat(Suggestions.closest("Title", KEYS)).contains("title");
    }

    @Test
    void leavesDeliberateNewKeysAlone() {
        assertThat(Suggestions.closest("mood", KEYS)).isEmpty();
        assertThat(Suggestions.closest("yearGroup", KEYS)).isEmpty();
    }
}
