package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/** Each framework Lateral ships, one a site adds or replaces, and the mistakes teachers make in records. */
class CpdFrameworksIT {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static Path build(Path tmp, String siteYamlCpd, String record, String... more) {
        StringBuilder spec = new StringBuilder("""
                -- site.yaml --
                title: Record
                baseUrl: https://example.org/
                """).append(siteYamlCpd).append("""
                -- content/posts/one.md --
                ---
                title: One
                date: 2024-10-01
                """).append(record).append("""
                ---
                Text.
                """);
        for (String m : more) {
            spec.append(m);
        }
        Path site = TestSites.inline(tmp, spec.toString());
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        return site.resolve("public");
    }

    private static List<String> standardsRows(Path out) {
        Document d = Html.page(out, "cpd/index.html");
        return d.select("table.cpd-table").last().select("tbody th").eachText();
    }

    private static List<String> mistakes(Path tmp, String siteYamlCpd, String record, String... more) {
        LateralException e = catchThrowableOfType(() -> build(tmp, siteYamlCpd, record, more), LateralException.class);
        assertThat(e).as("the build should stop").isNotNull();
        return e.problems().stream().filter(Problem::isError).map(Problem::format).toList();
    }

    @Test
    void englandsTeachersStandardsInAnyCase(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: teachers-standards-england }\n",
                "cpd: { hours: 1, type: course, standards: [ts1, TS8, part2] }\n");
        assertThat(standardsRows(out)).containsExactly(
                "TS1 Set high expectations which inspire, motivate and challenge pupils",
                "TS8 Fulfil wider professional responsibilities", "PART2 Part Two: personal and professional conduct");
    }

    @Test
    void walesFiveProfessionalStandards(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: wales-professional-standards, hoursGoal: 30 }\n",
                "cpd: { hours: 3, type: coaching, standards: [pedagogy, collaboration, leadership, innovation, professional-learning] }\n");
        assertThat(standardsRows(out)).containsExactly("pedagogy Pedagogy", "collaboration Collaboration",
                "leadership Leadership", "innovation Innovation", "professional-learning Professional learning");
        assertThat(Html.page(out, "cpd/index.html").selectFirst(".cpd-goal").text()).contains("Goal 30 hours: 10 %");
    }

    @Test
    void theDfeStandardForASchoolsProgramme(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: dfe-pd-standard }\n",
                "cpd: { hours: 6, type: inset, standards: [PD1, PD2, PD3, PD4, PD5] }\n");
        assertThat(standardsRows(out)).containsExactly("PD1 Focus on improving and evaluating pupil outcomes",
                "PD2 Underpinned by robust evidence and expertise", "PD3 Include collaboration and expert challenge",
                "PD4 Sustained over time", "PD5 Prioritised by school leadership");
    }

    @Test
    void aSiteAddsItsOwnFrameworkOrReplacesOne(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: gtcs-example }\n", "cpd: { hours: 2, type: reading, standards: [\"3.1\"] }\n",
                """
                -- data/frameworks/gtcs-example.yaml --
                title: "My own framework"
                source: "written by me"
                standards:
                  - code: "3.1"
                    title: "Curriculum and pedagogy"
                """);
        assertThat(standardsRows(out)).containsExactly("3.1 Curriculum and pedagogy");
        assertThat(Html.page(out, "cpd/index.html").selectFirst(".meta").text()).isEqualTo("Standards: My own framework");
    }

    @Test
    void aSiteReplacesLateralsFrameworkUnderTheSameName(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: teachers-standards-england }\n",
                "cpd: { hours: 2, type: reading, standards: [TS4] }\n", """
                -- data/frameworks/teachers-standards-england.yaml --
                title: "Teachers' Standards, our school's wording"
                standards:
                  - code: TS4
                    title: "Plan and teach great lessons"
                """);
        assertThat(standardsRows(out)).containsExactly("TS4 Plan and teach great lessons");
    }

    @Test
    void aRecordOnAStandalonePageCountsToo(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: teachers-standards-england }\n", "cpd: { hours: 1, type: course }\n", """
                -- content/pages/npqlt.md --
                ---
                title: My NPQ
                date: 2024-11-01
                cpd: { hours: 10, type: online-course, standards: [TS3] }
                ---
                The course.
                """);
        assertThat(Html.page(out, "cpd/index.html").selectFirst(".cpd-total").text()).startsWith("11 hours");
    }

    @Test
    void noRecordPageWithoutRecordsOrSettings(@TempDir Path tmp) {
        Path out = build(tmp, "", "tags: [a]\n");
        assertThat(out.resolve("cpd")).doesNotExist();
        assertThat(out.resolve("projects")).doesNotExist();
    }

    @Test
    void anUnknownStandardIsAnErrorWithASuggestion(@TempDir Path tmp) {
        assertThat(mistakes(tmp, "cpd: { standards: teachers-standards-england }\n",
                "cpd:\n  hours: 1\n  type: course\n  standards: [TS4, TS44]\n")).containsExactly(
                "content/posts/one.md:7:20: error: \"TS44\" is not a standard of Teachers' Standards (England); did you"
                        + " mean `TS4`? — fix: write TS4 — the codes are TS1, TS2, TS3, TS4, TS5, TS6, TS7, TS8, PART2");
    }

    @Test
    void standardsNeedAFrameworkInSiteYaml(@TempDir Path tmp) {
        assertThat(mistakes(tmp, "", "cpd: { hours: 1, type: course, standards: [TS4] }\n")).singleElement()
                .satisfies(m -> assertThat(m).startsWith("content/posts/one.md:4:44:")
                        .contains("names the standard TS4, but site.yaml names no standards framework",
                                "fix: add to site.yaml: cpd: { standards: teachers-standards-england } (or the framework whose codes you use:"));
    }

    @Test
    void anUnknownFrameworkIsNamedWithASuggestion(@TempDir Path tmp) {
        assertThat(mistakes(tmp, "cpd:\n  standards: teachers-standard-england\n", "cpd: { hours: 1, type: course }\n"))
                .containsExactly("site.yaml:4:1: error: there is no standards framework called \"teachers-standard-england\";"
                        + " did you mean `teachers-standards-england`? — fix: write standards: teachers-standards-england");
    }

    @Test
    void mistakesInTheRecordItself(@TempDir Path tmp) {
        List<String> found = mistakes(tmp, "", """
                cpd:
                  hour: 2
                  hours: 2h
                  type: teach meet
                  evidence: [{ url: "https://example.org" }]
                """);
        assertThat(found).containsExactly(
                "content/posts/one.md:5:3: error: unknown cpd setting \"hour\"; did you mean `hours`? — fix: rename \"hour\" to \"hours\"",
                "content/posts/one.md:6:10: error: hours must be a number of hours greater than 0, not \"2h\" — fix: write"
                        + " the time as a decimal number: 1.5 for an hour and a half, 0.75 for 45 minutes",
                "content/posts/one.md:7:9: error: \"teach meet\" is not a type of professional learning Lateral knows;"
                        + " did you mean `teachmeet`? — fix: write type: teachmeet",
                "content/posts/one.md:8:14: error: each piece of evidence needs a title — fix: write evidence:"
                        + " [{ title: \"Observation notes\", url: \"https://…\" }]");
    }

    @Test
    void aRecordWithoutHoursOrType(@TempDir Path tmp) {
        assertThat(mistakes(tmp, "", "cpd:\n  impact: \"Better questions\"\n")).containsExactly(
                "content/posts/one.md:5:3: error: this cpd record has no hours — fix: add hours: under cpd:, e.g. hours: 1.5 for an hour and a half",
                "content/posts/one.md:5:3: error: this cpd record has no type — fix: add type: under cpd:, one of course, inset,"
                        + " teachmeet, learning-round, journal-club, coaching, mentoring, observation, reading, research,"
                        + " conference, online-course, other");
    }

    @Test
    void anUnknownReflectiveModel(@TempDir Path tmp) {
        assertThat(mistakes(tmp, "", "reflection: gibs\n")).containsExactly(
                "content/posts/one.md:4:1: error: there is no reflective model called \"gibs\"; did you mean `gibbs`?"
                        + " — fix: write reflection: gibbs");
    }

    @Test
    void aSchoolNamesItsRecordPageAndKeepsItsOwnProjectsPage(@TempDir Path tmp) {
        Path out = build(tmp, "cpd: { standards: dfe-pd-standard, title: \"Staff CPD programme\" }\n",
                "cpd: { hours: 6, type: inset, standards: [PD1] }\nseries: Talk\nstage: reflect\n", """
                -- content/pages/projects.md --
                ---
                title: Our projects, in our words
                ---
                Written by hand.
                """);
        assertThat(Html.page(out, "cpd/index.html").selectFirst("h1").text()).isEqualTo("Staff CPD programme");
        assertThat(Html.page(out, "projects/index.html").selectFirst("h1").text()).isEqualTo("Our projects, in our words");
        assertThat(Html.page(out, "series/talk/index.html").select("ol.stage-timeline > li")).hasSize(3);
    }
}
