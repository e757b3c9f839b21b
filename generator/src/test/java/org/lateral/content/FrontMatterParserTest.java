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
            assertThat(p.message()).isEqualTo("the key \"title\" is written twice (first on line 2); only one can count");
            assertThat(p.hint()).contains("delete one of the two \"title:\" lines");
        });
    }

    @Test
    void aKeyWrittenTwiceDoesNotHideTheOtherMistakes() {
        var parsed = parser.parse("""
                ---
                title: A
                date: 5th March
                tags:
                  - oracy
                tgas: [x]
                tags:
                  - questioning
                ---
                """, FILE);
        assertThat(parsed.problems()).extracting(Problem::line).containsExactlyInAnyOrder(3, 6, 7);
        assertThat(parsed.problems()).anySatisfy(p -> assertThat(p.message()).contains("\"tags\" is written twice (first on line 4)"))
                .anySatisfy(p -> assertThat(p.message()).contains("5th March"))
                .anySatisfy(p -> assertThat(p.message()).contains("did you mean `tags`?"));
    }

    @Test
    void hashtagsInATitleAreText() {
        var parsed = parser.parse("---\ntitle: Reflections on #TMNorth\nsummary: #oracy matters #1\n---\n", FILE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("Reflections on #TMNorth");
        assertThat(parsed.frontMatter().summary()).contains("#oracy matters #1");
    }

    @Test
    void hashtagsAsTagsBecomeTagsWithoutTheHash() {
        assertThat(parser.parse("---\ntitle: A\ntags: #oracy #TMNorth\n---\n", FILE).frontMatter().tags())
                .containsExactly("oracy", "TMNorth");
        assertThat(parser.parse("---\ntitle: A\ntags: [#oracy, #TMNorth]\n---\n", FILE).frontMatter().tags())
                .containsExactly("oracy", "TMNorth");
        assertThat(parser.parse("---\ntitle: A\ntags:\n  - #oracy\n  - action research\n---\n", FILE).frontMatter().tags())
                .containsExactly("oracy", "action research");
        assertThat(parser.parse("---\ntitle: A\ntags: oracy, #TMNorth\ncategories: #events\n---\n", FILE).frontMatter())
                .satisfies(fm -> {
                    assertThat(fm.tags()).containsExactly("oracy", "TMNorth");
                    assertThat(fm.categories()).containsExactly("events");
                });
    }

    @Test
    void commentsOnTheirOwnLineAndAfterSeveralSpacesStillWork() {
        var parsed = parser.parse("""
                ---
                # a note to myself
                title: "TeachMeet North"   # quoted, so this is plainly a comment
                date: 2024-06-05            # a date alone is read in the site's timezone
                tags: [oracy]               # a comment
                series: Oracy project
                ---
                """, FILE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().title()).contains("TeachMeet North");
        assertThat(parsed.frontMatter().date()).isPresent();
        assertThat(parsed.frontMatter().tags()).containsExactly("oracy");
    }

    @Test
    void aCommentThatCutsATextValueShortIsAWarning() {
        var parsed = parser.parse("---\ntitle: Reflections on   # TMNorth\ndate: 2024-06-05\n---\n", FILE);
        assertThat(parsed.frontMatter().title()).contains("Reflections on");
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:2:25: warning: the words after # (\"# TMNorth\")"
                    + " are read as a comment and left out of the title");
            assertThat(p.hint()).contains("double quotes");
        });
    }

    @Test
    void oneSpaceMoreInATagListIsNotSilentlyOneTag() {
        var parsed = parser.parse("---\ntitle: A\ntags:\n- oracy\n - action research\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:5:2: error: this list item of tags is indented"
                    + " by 1 space more than the one above, so YAML joins the two into one item, \"oracy - action research\"");
            assertThat(p.hint()).contains("same place");
        });
        assertThat(parsed.frontMatter().tags()).as("read as meant, for the other checks").containsExactly("oracy", "action research");
        var lessIndented = parser.parse("---\ntitle: A\ntags:\n  - oracy\n - action research\n---\n", FILE);
        assertThat(lessIndented.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("does not line up with the one above");
        });
    }

    @Test
    void aKeyIndentedByOneSpaceIsNamed() {
        var parsed = parser.parse("---\ntitle: A\n date: 2024-06-05\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:3:2: error: \"date:\" is indented by 1 space");
            assertThat(p.message()).doesNotContain("colon");
            assertThat(p.hint()).contains("at the very beginning of the line");
        });
    }

    @Test
    void nestedValuesUnderAnOpenKeyAreFine() {
        var parsed = parser.parse("""
                ---
                title: A
                event:
                  title: TeachMeet
                  date: 2024-06-05
                resources:
                  - name: Slides
                    url: slides.pdf
                  - { name: Notes, url: notes.pdf }
                summary: |
                  One line
                   indented # not a comment
                ---
                """, FILE);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.frontMatter().summary()).contains("One line\n indented # not a comment\n");
        // event: with settings under it is the site's own (templates read page.params.event), not a write-up
        assertThat(parsed.frontMatter().params()).containsKey("event");
        assertThat(parsed.frontMatter().writesUp()).isEmpty();
    }

    @Test
    void anUnclosedBracketIsReportedAtItsOwnLine() {
        var parsed = parser.parse("---\ntitle: A\ntags: [oracy, questioning\ndate: 5th March\n---\n", FILE);
        assertThat(parsed.problems()).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/teachmeet.md:3:7: error: the [ that starts the tags is never closed")
                        .contains("tags: [oracy, questioning]"))
                .anySatisfy(f -> assertThat(f).startsWith("content/posts/teachmeet.md:4:7: error: ").contains("5th March"))
                .hasSize(2);
    }

    @Test
    void aMismatchedQuoteIsReportedAtItsOwnLine() {
        var parsed = parser.parse("---\ntitle: \"Reflections on TMNorth\u201D\ndate: 2024-06-05\ntags: [a]\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:2:8: error: the title starts with a straight quote \""
                    + " but ends with a curly quote \u201D");
            assertThat(p.hint()).contains("title: \"Reflections on TMNorth\"");
        });
        var unclosed = parser.parse("---\ntitle: \"Reflections on TMNorth\ndate: 2024-06-05\n---\n", FILE);
        assertThat(unclosed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("never closed");
            assertThat(p.hint()).contains("title: \"Reflections on TMNorth\"");
        });
    }

    @Test
    void nestedQuotesAreNamedNotBlamedOnIndentation() {
        var parsed = parser.parse("---\ntitle: \"The \"best\" lesson\"\ndate: 2024-06-05\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("double quote").contains("inside").doesNotContain("indentation");
            assertThat(p.hint()).contains("title: 'The \"best\" lesson'");
        });
        var apostrophe = parser.parse("---\ntitle: 'Teachers' voices'\n---\n", FILE);
        assertThat(apostrophe.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("apostrophe");
            assertThat(p.hint()).contains("title: \"Teachers' voices\"");
        });
        assertThat(parser.parse("---\ntitle: 'Teachers'' voices'\n---\n", FILE).frontMatter().title())
                .contains("Teachers' voices");
    }

    @Test
    void aMissingOpeningLineIsNamedNotReportedAsNoTitle() {
        var parsed = parser.parse("title: A\ndate: 2024-06-05\n---\nBody\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:1:1: error: the front matter has no opening --- line");
            assertThat(p.hint()).contains("add a line with just --- above line 1");
        });
        assertThat(parsed.frontMatter().title()).contains("A");
        assertThat(parsed.body()).isEqualTo("Body\n");
        var dashes = parser.parse("----\ntitle: A\ndate: someday\n---\nBody\n", FILE);
        assertThat(dashes.problems()).extracting(Problem::line).containsExactly(1, 3);
        assertThat(parser.parse("Just a page.\n\n---\n\nMore.\n", FILE).problems()).isEmpty();
        assertThat(parser.parse("----\n\nA rule, then text.\n\n---\n", FILE).problems()).isEmpty();
    }

    @Test
    void aLanguageNameInLangIsAnErrorSuggestingItsCode() {
        var parsed = parser.parse("---\ntitle: A\nlang: Welsh\n---\n", FILE);
        assertThat(parsed.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("content/posts/teachmeet.md:3:7: error: \"Welsh\" is not a language code; did you mean `cy`?");
            assertThat(p.hint()).contains("lang: cy");
        });
        assertThat(parser.parse("---\ntitle: A\nlang: cy\n---\n", FILE).problems()).isEmpty();
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
