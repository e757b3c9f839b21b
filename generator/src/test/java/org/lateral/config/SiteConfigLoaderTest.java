package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

class SiteConfigLoaderTest {

    @TempDir
    Path tmp;

    private SiteConfig load(String yaml, List<Problem> warnings) {
        TestSites.write(tmp.resolve("site.yaml"), yaml);
        return SiteConfigLoader.load(tmp, warnings);
    }

    @Test
    void readsSettingsAndKeepsUnknownKeysAsParams() {
        SiteConfig c = load("""
                title: Ms Rahman's CPD journal
                baseUrl: https://me.github.io/cpd
                language: cy
                timezone: Europe/London
                paginate: 5
                schoolName: Ysgol y Cwm
                authors:
                  arahman:
                    name: Aisha Rahman
                """, new ArrayList<>());
        assertThat(c.title()).isEqualTo("Ms Rahman's CPD journal");
        assertThat(c.baseUrl()).isEqualTo("https://me.github.io/cpd/");
        assertThat(c.basePath()).isEqualTo("/cpd/");
        assertThat(c.origin()).isEqualTo("https://me.github.io");
        assertThat(c.timezone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(c.paginate()).isEqualTo(5);
        assertThat(c.params()).containsEntry("schoolName", "Ysgol y Cwm");
        assertThat(c.authors().get("arahman").name()).isEqualTo("Aisha Rahman");
    }

    @Test
    void typoInAKeyIsAnErrorWithItsLineAndASuggestion() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("""
                title: T
                baseUrl: https://example.org/
                paginte: 5
                """, new ArrayList<>()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("paginte").contains("did you mean `paginate`?");
            assertThat(p.format()).startsWith("site.yaml:3:1: error: ");
        });
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("""
                baseUrl: not a url
                timezone: Mars/Olympus
                paginate: many
                """, new ArrayList<>()));
        assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no title"))
                .anySatisfy(m -> assertThat(m).contains("not a web address"))
                .anySatisfy(m -> assertThat(m).contains("Mars/Olympus"))
                .anySatisfy(m -> assertThat(m).contains("whole number"));
        assertThat(e.problems()).filteredOn(p -> p.message().contains("Mars")).singleElement()
                .extracting(Problem::line).isEqualTo(2);
    }

    @Test
    void missingBaseUrlIsAWarningWithADefault() {
        List<Problem> warnings = new ArrayList<>();
        SiteConfig c = load("title: T\n", warnings);
        assertThat(c.baseUrl()).isEqualTo("http://localhost/");
        assertThat(warnings).singleElement().extracting(Problem::isError).isEqualTo(false);
    }

    @Test
    void yamlSyntaxErrorPointsAtTheLine() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("""
                title: T
                baseUrl: https://example.org/
                description: "unclosed
                """, new ArrayList<>()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(Path.of("site.yaml"));
            assertThat(p.line()).isBetween(3, 4);
            assertThat(p.hint()).isNotEmpty();
        });
    }

    @Test
    void noSiteYamlSaysHowToStart() {
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> SiteConfigLoader.load(tmp, new ArrayList<>()));
        assertThat(e.problems().get(0).hint()).contains("lateral new site");
    }

    @Test
    void seriesLiveUnderSeriesAndAcademicYearsStartInSeptemberByDefault() {
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\n", new ArrayList<>());

        assertThat(c.permalinks().series()).isEqualTo("/series/:slug/");
        assertThat(c.academicYearStartMonth()).isEqualTo(9);
    }

    @Test
    void theSeriesAddressAndTheAcademicYearsStartCanBeSet() {
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\nacademicYearStart: 8\n"
                + "permalinks:\n  series: projects/:slug/\n", new ArrayList<>());

        assertThat(c.permalinks().series()).isEqualTo("/projects/:slug/");
        assertThat(c.academicYearStartMonth()).isEqualTo(8);
    }

    @Test
    void anAcademicYearStartOutOfRangeIsAPositionedError() {
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> load("title: T\nbaseUrl: https://example.org/\nacademicYearStart: 13\n", new ArrayList<>()));
        assertThat(e.problems()).extracting(Problem::format).containsExactly("site.yaml:3:20: error: academicYearStart"
                + " must be a whole number from 1 to 12, not \"13\" — fix: write it as, e.g., academicYearStart: 9");
    }

    @Test
    void aMistypedPermalinkKindIsAnErrorWithASuggestion() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load(
                "title: T\nbaseUrl: https://example.org/\npermalinks:\n  serie: /s/:slug/\n", new ArrayList<>()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("site.yaml:4:3: error: permalinks has no setting \"serie\"");
            assertThat(p.hint()).isEqualTo("did you mean `series`?");
        });
    }

    @Test
    void disableKindsTakesKindNamesAndRefusesWhatCannotBeSwitchedOff() {
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\ndisableKinds: [archivePeriod, term]\n",
                new ArrayList<>());
        assertThat(c.writes(org.lateral.plan.Kind.ARCHIVE_PERIOD)).isFalse();
        assertThat(c.writes(org.lateral.plan.Kind.ARCHIVE)).isTrue();
        assertThat(c.writes("term")).isFalse();
        assertThat(c.writes("listFeeds")).isTrue();
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> load("title: T\nbaseUrl: https://example.org/\ndisableKinds: [post, serieslist]\n", new ArrayList<>()));
        assertThat(e.problems()).extracting(Problem::format).satisfiesExactly(
                p -> assertThat(p).startsWith("site.yaml:3:16: error: disableKinds cannot switch off \"post\": "
                        + "Lateral always writes it — fix: take \"post\" out of disableKinds; it can switch off 404, archive,"),
                p -> assertThat(p).isEqualTo("site.yaml:3:22: error: disableKinds has no kind \"serieslist\" — fix: "
                        + "did you mean `seriesList`?"));
    }
}
