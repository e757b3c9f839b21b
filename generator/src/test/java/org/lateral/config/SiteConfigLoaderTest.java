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
    void anUnknownKeyIsKeptAsAParamWithAWarningAtItsLine() {
        List<Problem> warnings = new ArrayList<>();
        SiteConfig c = load("title: T\nbaseUrl: https://example.org/\nschoolName: Ysgol y Cwm\n", warnings);
        assertThat(c.params()).containsEntry("schoolName", "Ysgol y Cwm");
        assertThat(warnings).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("site.yaml:3:1: warning: `schoolName` is not a Lateral setting");
            assertThat(p.message()).contains("site.params.schoolName");
            assertThat(p.hint()).contains("belong under params:");
        });
    }

    @Test
    void taxonomiesAreReadAsWordsWithTheirTitlesOrInHugosForm() {
        List<Problem> warnings = new ArrayList<>();
        SiteConfig c = load("""
                title: T
                baseUrl: https://example.org/
                taxonomies: [subjects, { name: keystages, title: Key stages, singular: Key stage }]
                """, warnings);
        assertThat(c.taxonomies()).containsExactly(new SiteConfig.TaxonomyConfig("subjects", "Subjects", "Subjects"),
                new SiteConfig.TaxonomyConfig("keystages", "Key stages", "Key stage"));
        assertThat(c.taxonomyNames()).containsExactly("tags", "categories", "subjects", "keystages");
        SiteConfig hugo = load("""
                title: T
                baseUrl: https://example.org/
                taxonomies: { subject: subjects, phase: phases }
                disableKinds: [phases]
                """, warnings);
        assertThat(hugo.taxonomies()).extracting(SiteConfig.TaxonomyConfig::singular).containsExactly("Subject", "Phase");
        assertThat(hugo.writes("phases")).isFalse();
        assertThat(hugo.writes("subjects")).isTrue();
        assertThat(warnings).isEmpty();
    }

    @Test
    void otherGeneratorsNamesForSettingsNameOurs() {
        List<Problem> warnings = new ArrayList<>();
        load("""
                title: T
                baseUrl: https://example.org/
                pagination: 5
                languageCode: en-gb
                taxonomies: {tag: tags}
                aliases: [/old/]
                lastmod: 2024-01-01
                params:
                  motto: Together
                """, warnings);
        assertThat(warnings).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith(
                        "site.yaml:3:1: warning: `pagination` is not a Lateral setting; did you mean `paginate`?"))
                .anySatisfy(f -> assertThat(f).startsWith(
                        "site.yaml:4:1: warning: `languageCode` is not a Lateral setting; did you mean `language`?"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:5:19: warning: tags are built in"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:6:1: warning: `aliases`"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:7:1: warning: `lastmod`").contains("updated:"))
                .noneSatisfy(f -> assertThat(f).contains("params").contains("motto"));
        assertThat(warnings).hasSize(5);
    }

    @Test
    void aKeyWrittenTwiceIsNamedAndTheOtherMistakesStillReported() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("""
                title: T
                baseUrl: https://example.org/
                timezone: Mars/Olympus
                title: T again
                paginte: 5
                """, new ArrayList<>()));
        assertThat(e.problems()).extracting(Problem::format)
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:4:1: error: the key \"title\" is written twice (first on line 1)"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:3:").contains("Mars/Olympus"))
                .anySatisfy(f -> assertThat(f).startsWith("site.yaml:5:1: error: ").contains("did you mean `paginate`?"));
    }

    @Test
    void aNestedKeyWrittenTwiceIsNamedToo() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> load("""
                title: T
                authors:
                  arahman:
                    name: Aisha Rahman
                    name: A. Rahman
                """, new ArrayList<>()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("the key \"name\" is written twice");
            assertThat(p.hint()).contains("\"name:\"");
        });
    }

    @Test
    void aHashtagInTheSiteTitleIsKept() {
        assertThat(load("title: Year 7 #oracy network\nbaseUrl: https://example.org/\n", new ArrayList<>()).title())
                .isEqualTo("Year 7 #oracy network");
        assertThat(load("title: Year 7 #oracy network\r\nbaseUrl: https://example.org/\r\n", new ArrayList<>()).title())
                .as("saved on Windows").isEqualTo("Year 7 #oracy network");
    }

    @Test
    void eachKindOfYamlMistakeHasItsOwnFix() {
        LateralException colon = catchThrowableOfType(LateralException.class,
                () -> load("title: TeachMeet: North\n", new ArrayList<>()));
        LateralException tab = catchThrowableOfType(LateralException.class,
                () -> load("title: T\nmenu:\n\t- { name: About, url: /about/ }\n", new ArrayList<>()));
        LateralException bracket = catchThrowableOfType(LateralException.class,
                () -> load("title: T\ndisableKinds: [search, archive\n", new ArrayList<>()));
        assertThat(colon.problems()).singleElement().extracting(Problem::hint).asString().contains("\"double quotes\"");
        assertThat(tab.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.hint()).contains("spaces").doesNotContain("quotes");
        });
        assertThat(bracket.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.hint()).contains("add a ] at the end: disableKinds: [search, archive]");
        });
        assertThat(java.util.stream.Stream.of(colon, tab, bracket).map(e -> e.problems().get(0).hint()).distinct()).hasSize(3);
    }

    @Test
    void aLanguageNameIsAnErrorSuggestingItsCode() {
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> load("title: T\nbaseUrl: https://example.org/\nlanguage: Welsh\n", new ArrayList<>()));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.format()).startsWith("site.yaml:3:11: error: \"Welsh\" is not a language code; did you mean `cy`?");
            assertThat(p.hint()).contains("language: cy");
        });
        assertThat(load("title: T\nbaseUrl: https://example.org/\nlanguage: cy\n", new ArrayList<>()).language())
                .isEqualTo("cy");
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
