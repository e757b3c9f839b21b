package org.lateral.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;

class FrontMatterParserTest {

    private static final Path FILE = Path.of("content/posts/teachmeet.md");
    private final FrontMatterParser parser = new FrontMatterParser(ZoneId.of("Europe/London"));

    @Test
    void readsKnownKeysAndKeepsOthers() {
        var parsed = parser.parse("""
                ---
                title: "TeachMeet North: what I took away"
                date: 2024-06-05
                tags: [oracy, retrieval practice]
                authors: arahman
                series: Oracy project
                part: 2
                stage: act
                mood: hopeful
                ---
                Body here.
                """, FILE);
        assertThat(parsed.problems()).isEmpty();
        FrontMatter fm = parsed.frontMatter();
        assertThat(fm.title()).contains("TeachMeet North: what I took away");
        assertThat(fm.date()).contains(ZonedDateTime.of(2024, 6, 5, 0, 0, 0, 0, ZoneId.of("Europe/London")));
        assertThat(fm.tags()).containsExactly("oracy", "retrieval practice");
        assertThat(fm.authors()).containsExactly("arahman");
        assertThat(fm.part()).contains(2);
        assertThat(fm.params()).containsEntry("mood", "hopeful");
        assertThat(parsed.body()).isEqualTo("Body here.\n");
        assertThat(parsed.bodyLine()).isEqualTo(11);
    }

    @Test
    void dateOnlyValuesAreReadInTheSiteTimeZone() {
        var parsed = new FrontMatterParser(ZoneId.of("America/New_York")).parse("---\ntitle: A\ndate: 2024-01-10\n---\n", FILE);
        assertThat(parsed.frontMatter().date().get().toOffsetDateTime().getOffset().getTotalSeconds())
                .isEqualTo(-5 * 3600);
    }

    @Test
    void yamlErrorsAreReportedAtTheLineOfTheMarkdownFile() {
        var parsed = parser.parse("""
                ---
                title: A
                tags: [a, b
                date: 2024-01-01
                ---
                """, FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isBetween(3, 5);
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:");
        });
    }

    @Test
    void colonInAnUnquotedTitleGivesAPlainExplanation() {
        var parsed = parser.parse("---\ntitle: TeachMeet: what I took away: part 2\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("colon");
            assertThat(p.hint()).contains("double quotes");
        });
    }

    @Test
    void unreadableDateNamesTheValueAndItsPosition() {
        var parsed = parser.parse("---\ntitle: A\ndate: 31/02/2024\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(7);
            assertThat(p.message()).contains("31/02/2024");
            assertThat(p.hint()).contains("2024-03-05");
        });
    }

    @Test
    void impossibleDateIsExplained() {
        var parsed = parser.parse("---\ntitle: A\ndate: 2023-02-29\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().extracting(Problem::message).asString()
                .contains("February 2023 has no day 29");
    }

    @Test
    void typoOfAKnownKeySuggestsTheRightOne() {
        var parsed = parser.parse("---\ntitle: A\ntgas: [x]\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("did you mean `tags`?");
        });
    }

    @Test
    void unclosedFrontMatterIsReported() {
        var parsed = parser.parse("---\ntitle: A\n\nBody without a closing line\n", FILE);
        assertThat(parsed.problems()).singleElement().extracting(Problem::message).asString().contains("never closed");
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreFine() {
        var parsed = parser.parse("\uFEFF---\ntitle: A\n---\nBody\n", FILE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("A");
    }

    @Test
    void commaSeparatedTagsAreSeveralTags() {
        var parsed = parser.parse("---\ntitle: A\ntags: oracy, questioning\ncategories: events\n---\n", FILE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().tags()).containsExactly("oracy", "questioning");
        assertThat(parsed.frontMatter().categories()).containsExactly("events");
    }

    @Test
    void tagsOfTheWrongShapeAreAnError() {
        var parsed = parser.parse("---\ntitle: A\ntags: {x: 1}\ncategories:\n  - a\n  - [b, c]\n---\n", FILE);
        assertThat(parsed.problems()).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/teachmeet.md:3:7: error: tags must be a list of words"))
                .anySatisfy(f -> assertThat(f).contains("categories must be a list of words"));
    }

    @Test
    void aKeyWrittenTwiceIsAnError() {
        var parsed = parser.parse("---\ntitle: a\ntitle: b\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("the same key is written twice");
        });
    }

    @Test
    void aTabIsNamedAtItsOwnLine() {
        var parsed = parser.parse("---\ntitle: A\ntags:\n\t- oracy\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("tab character");
        });
    }

    @Test
    void curlyQuotesFromAWordProcessorAreUnderstood() {
        assertThat(parser.parse("---\ntitle: \u201CSmart quotes\u201D\n---\n", FILE).frontMatter().title())
                .contains("Smart quotes");
        var parsed = parser.parse("---\ntitle: \u201CSmart: quotes\u201D\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().extracting(Problem::message).asString().contains("curly");
    }
}
