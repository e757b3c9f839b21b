package org.lateral.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.lateral.address.Address;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;
import org.lateral.site.Page;
import org.lateral.testing.Pages;

class SeriesGrouperTest {

    private static SeriesGrouper.Grouped group(Page... posts) {
        return SeriesGrouper.group(List.of(posts),
                slug -> Address.folder("/series/" + slug + "/", "https://example.org/series/" + slug + "/",
                        "series/" + slug + "/"),
                (page, key) -> Map.of("series", 5, "part", 6).get(key));
    }

    private static List<String> names(List<Page> pages) {
        return pages.stream().map(Page::slug).toList();
    }

    @Test
    void partsAreOrderedByPartNumberWhateverTheirDates() {
        Series s = group(
                Pages.of("c", "2024-01-01").series("Oracy project").part(3).page(),
                Pages.of("a", "2024-03-01").series("Oracy project").part(1).page(),
                Pages.of("b", "2023-09-01").series("Oracy project").part(2).page()).series().get(0);

        assertThat(names(s.parts())).containsExactly("a", "b", "c");
        assertThat(s.name()).isEqualTo("Oracy project");
        assertThat(s.url()).isEqualTo("/series/oracy-project/");
        assertThat(s.outputDir()).isEqualTo("series/oracy-project/");
    }

    @Test
    void withoutPartNumbersPartsFollowTheirDatesOldestFirst() {
        Series s = group(
                Pages.of("second", "2024-03-20").series("Coaching diary").page(),
                Pages.of("first", "2024-03-05").series("Coaching diary").page()).series().get(0);

        assertThat(names(s.parts())).containsExactly("first", "second");
    }

    @Test
    void pagesAreNewestFirstForFeeds() {
        Series s = group(
                Pages.of("a", "2024-03-01").series("S").part(1).page(),
                Pages.of("b", "2023-09-01").series("S").part(2).page()).series().get(0);

        assertThat(names(s.pages())).containsExactly("a", "b");
        assertThat(s.latest().slug()).isEqualTo("a");
    }

    @Test
    void namesDifferingOnlyInCaseAndPunctuationAreOneSeries() {
        SeriesGrouper.Grouped g = group(
                Pages.of("a", "2024-01-01").series("Oracy Project").page(),
                Pages.of("b", "2024-02-01").series("oracy project!").page());

        assertThat(g.series()).hasSize(1);
        assertThat(g.series().get(0).name()).isEqualTo("Oracy Project");
        assertThat(g.series().get(0).count()).isEqualTo(2);
    }

    @Test
    void postsOutsideAnySeriesAreLeftOut() {
        assertThat(group(Pages.of("a", "2024-01-01").page()).series()).isEmpty();
    }

    @Test
    void seriesAreListedMostRecentlyContinuedFirst() {
        SeriesGrouper.Grouped g = group(
                Pages.of("old", "2022-01-01").series("Old").page(),
                Pages.of("new", "2024-01-01").series("New").page(),
                Pages.of("old2", "2023-01-01").series("Old").page());

        assertThat(g.series()).extracting(Series::slug).containsExactly("new", "old");
    }

    @Test
    void positionGivesPartNumberTotalAndTheNeighbouringParts() {
        Page a = Pages.of("a", "2024-01-01").series("S").part(1).page();
        Page b = Pages.of("b", "2024-02-01").series("S").part(2).page();
        Page c = Pages.of("c", "2024-03-01").series("S").part(3).page();
        Series s = group(a, b, c).series().get(0);

        Series.Position middle = s.position(b).orElseThrow();
        assertThat(middle.number()).isEqualTo(2);
        assertThat(middle.total()).isEqualTo(3);
        assertThat(middle.previous()).map(Page::slug).contains("a");
        assertThat(middle.next()).map(Page::slug).contains("c");
        assertThat(s.position(a).orElseThrow().previous()).isEmpty();
        assertThat(s.position(c).orElseThrow().next()).isEmpty();
        assertThat(s.position(Pages.of("x", "2024-01-01").page())).isEmpty();
    }

    @Test
    void twoPostsClaimingOnePartAreAnErrorAtTheLaterPostsPartLine() {
        SeriesGrouper.Grouped g = group(
                Pages.of("first", "2024-01-01").series("Oracy project").part(1).page(),
                Pages.of("second", "2024-02-01").series("Oracy project").part(2).page(),
                Pages.of("also-second", "2024-03-01").series("Oracy project").part(2).page());

        assertThat(g.problems()).hasSize(1);
        Problem p = g.problems().get(0);
        assertThat(p.isError()).isTrue();
        assertThat(p.format()).isEqualTo("content/posts/also-second.md:6:1: error: part 2 of the series"
                + " \"Oracy project\" is already taken by \"content/posts/second.md\" — fix: give each part its own"
                + " number: the parts so far are 1, 2, so write part: 3 here, or remove the part: line to place"
                + " this post by its date");
        assertThat(names(g.series().get(0).parts())).containsExactly("first", "second", "also-second");
    }

    @Test
    void aSeriesMixingNumberedAndUnnumberedPartsWarnsAndListsTheUnnumberedLast() {
        SeriesGrouper.Grouped g = group(
                Pages.of("loose", "2023-01-01").series("S").page(),
                Pages.of("one", "2024-01-01").series("S").part(1).page());

        assertThat(names(g.series().get(0).parts())).containsExactly("one", "loose");
        assertThat(g.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.hint()).contains("part: 2");
        });
    }

    @Test
    void aSeriesNameWithoutLettersIsAWarningNotAPage() {
        SeriesGrouper.Grouped g = group(Pages.of("a", "2024-01-01").series("???").page());

        assertThat(g.series()).isEmpty();
        assertThat(g.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("no letters"));
    }
}
