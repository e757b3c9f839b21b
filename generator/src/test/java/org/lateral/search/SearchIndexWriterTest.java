package org.lateral.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.site.Page;
import org.lateral.testing.Pages;
import org.lateral.testing.TestSites;

class SearchIndexWriterTest {

    @TempDir
    Path tmp;

    @Test
    void wordsAreDistinctSortedAndLeaveOutTitleTagsStopWordsAndPrefixes() {
        Page p = Pages.of("p", "2024-03-01").title("Oracy in Year 7").tags("Debate")
                .content("<p>The debate assessment: we assess, and assessments; oracy &amp; talk. Talk!</p>")
                .page();

        assertThat(SearchIndexWriter.words(p)).containsExactly("assessments", "talk");
    }

    /**
     * A one-shot build's index keeps nothing once written ({@link SearchIndexWriter.Memory#none()}):
     * every page's words and entry can go then, not at the build's end (at 10,000 posts they were a
     * good part of what the build held while its last files were written); a session's memory keeps them.
     */
    @Test
    void aMemoryOfNoneKeepsNoWordsOrEntriesOnceTheIndexIsWritten() {
        List<Page> posts = List.of(Pages.of("a", "2024-03-01").title("Oracy").content("<p>Talk tactics.</p>").page(),
                Pages.of("b", "2024-03-02").title("Debate").content("<p>Whiteboards.</p>").page());
        org.lateral.config.SiteConfig config = new org.lateral.config.SiteConfig("Test", "", "https://example.org/",
                "en-GB", java.time.ZoneId.of("Europe/London"), "default", java.util.Map.of(),
                org.lateral.config.SiteConfig.Permalinks.DEFAULT, 10, 10, List.of(),
                org.lateral.config.SiteConfig.FeedConfig.DEFAULT, java.util.Map.of(), java.util.Optional.empty(), 9,
                true, java.util.Set.of());
        org.lateral.site.Site site = org.lateral.site.Site.withoutExtras(config, posts, List.of(), java.util.Map.of(),
                List.of(), java.util.Map.of(), java.util.Map.of(),
                java.time.ZonedDateTime.parse("2024-04-01T00:00:00Z"));
        SearchIndexWriter.Memory none = SearchIndexWriter.Memory.none();
        SearchIndexWriter.Memory kept = new SearchIndexWriter.Memory();

        byte[] once = SearchIndexWriter.json(site, SearchIndexWriter::words, none);

        assertThat(SearchIndexWriter.json(site, SearchIndexWriter::words, kept)).isEqualTo(once);
        assertThat(none.entriesHeld()).isZero();
        assertThat(kept.entriesHeld()).isEqualTo(2);
    }

    @Test
    void postsSharingAVocabularyShareEachWordsOneInstance() {
        Page a = Pages.of("a", "2024-03-01").title("One").content("<p>Whiteboards and questioning.</p>").page();
        Page b = Pages.of("b", "2024-03-02").title("Two").content("<p>Questioning with whiteboards.</p>").page();
        java.util.concurrent.ConcurrentMap<String, String> vocabulary = new java.util.concurrent.ConcurrentHashMap<>();

        List<String> first = SearchIndexWriter.words(a, vocabulary);
        List<String> second = SearchIndexWriter.words(b, vocabulary);

        assertThat(first).isEqualTo(SearchIndexWriter.words(a)).containsExactly("questioning", "whiteboards");
        assertThat(second).isEqualTo(first);
        assertThat(second.get(0)).isSameAs(first.get(0));
        assertThat(second.get(1)).isSameAs(first.get(1));
    }

    @Test
    void theIndexHoldsTitleUrlDateTagsSnippetAndWordsOfEveryPostThenPage() throws Exception {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: Test
                baseUrl: https://example.org/cpd/
                -- content/posts/oracy.md --
                ---
                title: "Oracy in Year 7 <b>"
                date: 2024-03-05
                tags: [Oracy, Talk]
                ---
                We tried **talk tactics** with whiteboards.
                -- content/pages/about.md --
                ---
                title: About
                ---
                A teacher in Cardiff.
                """);
        Path out = Lateral.build(BuildRequest.of(site)).output();
        byte[] json = java.nio.file.Files.readAllBytes(out.resolve(SearchIndexWriter.FILE));

        JsonNode index = new ObjectMapper().readTree(json);
        assertThat(index.path("version").asInt()).isEqualTo(1);
        assertThat(index.path("common")).isEmpty();
        JsonNode post = index.path("docs").get(0);
        assertThat(post.path("title").asText()).isEqualTo("Oracy in Year 7 <b>");
        assertThat(post.path("url").asText()).isEqualTo("2024/03/oracy/");
        assertThat(post.path("date").asText()).isEqualTo("2024-03-05");
        assertThat(post.path("tags")).extracting(JsonNode::asText).containsExactly("Oracy", "Talk");
        assertThat(post.path("snippet").asText()).isEqualTo("We tried talk tactics with whiteboards.");
        assertThat(post.path("words").asText()).isEqualTo("tactics tried whiteboards");
        JsonNode about = index.path("docs").get(1);
        assertThat(about.path("url").asText()).isEqualTo("about/");
        assertThat(about.has("date")).isFalse();

        String script = java.nio.file.Files.readString(out.resolve(SearchIndexWriter.SCRIPT_FILE));
        assertThat(script).isEqualTo("window.lateralSearchIndex=" + new String(json, StandardCharsets.UTF_8) + ";\n");
    }

    @Test
    void wordsInMoreThanHalfOfALargeIndexAreCommon() {
        List<List<String>> words = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            words.add(i < 31 ? List.of("students", "w" + i) : List.of("lesson"));
        }

        assertThat(SearchIndexWriter.common(words)).containsExactly("students");
        assertThat(SearchIndexWriter.common(words.subList(0, 10))).isEmpty();
    }

    /**
     * A one-shot build writes each entry straight into the index (no entry held as a text of its
     * own): the same bytes as a session's index, common words left out of the entries, read back.
     */
    @Test
    void aOneShotIndexWritesEveryEntryStraightIntoTheSameBytesAsASessions() throws Exception {
        List<Page> posts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            posts.add(Pages.of("p" + i, String.format("2024-03-%02d", 1 + i % 28)).title("Post " + i)
                    .tags(i % 2 == 0 ? new String[] {"Oracy"} : new String[0])
                    .content("<p>Students questioning whiteboards " + own(i) + (i < 20 ? " lesson" : "") + ".</p>").page());
        }
        org.lateral.config.SiteConfig config = new org.lateral.config.SiteConfig("Test", "", "https://example.org/",
                "en-GB", java.time.ZoneId.of("Europe/London"), "default", java.util.Map.of(),
                org.lateral.config.SiteConfig.Permalinks.DEFAULT, 10, 10, List.of(),
                org.lateral.config.SiteConfig.FeedConfig.DEFAULT, java.util.Map.of(), java.util.Optional.empty(), 9,
                true, java.util.Set.of());
        org.lateral.site.Site site = org.lateral.site.Site.withoutExtras(config, posts, List.of(), java.util.Map.of(),
                List.of(), java.util.Map.of(), java.util.Map.of(),
                java.time.ZonedDateTime.parse("2024-04-01T00:00:00Z"));

        byte[] once = SearchIndexWriter.json(site, SearchIndexWriter::words, SearchIndexWriter.Memory.none());

        assertThat(once).isEqualTo(SearchIndexWriter.json(site, SearchIndexWriter::words, new SearchIndexWriter.Memory()));
        JsonNode index = new ObjectMapper().readTree(once);
        assertThat(index.path("common")).extracting(JsonNode::asText)
                .containsExactly("questioning", "students", "whiteboards");
        assertThat(index.path("docs")).hasSize(60);
        for (int i = 0; i < 60; i++) {
            JsonNode doc = index.path("docs").get(i);
            String n = doc.path("title").asText().substring("Post ".length());
            int k = Integer.parseInt(n);
            assertThat(doc.path("words").asText()).isEqualTo(k < 20 ? "lesson " + own(k) : own(k));
        }
    }

    /** A word of one post only, none the prefix of another: zqaa, zqab… */
    private static String own(int i) {
        return "zq" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }
}
