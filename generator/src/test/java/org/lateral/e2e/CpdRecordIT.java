package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.CpdRequest;
import org.lateral.CpdResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.Html;
import org.lateral.testing.NuHtmlChecker;
import org.lateral.testing.TestSites;

/**
 * The {@code cpd-record} fixture: a teacher's records over two academic years (2023-24 and
 * 2024-25), a private record, a reflection and an oracy project whose review is overdue. Hand
 * sums: 2023-24 is 2.5 + 1.5 + 3 = 7 hours; 2024-25 is 6 + 1.25 + 2.5 + 0.75 + 0.5 = 11 hours
 * published, and 12 with the private hour.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CpdRecordIT {

    static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    Path site;
    Path out;
    BuildResult result;

    @BeforeAll
    void build(@TempDir Path tmp) {
        site = TestSites.fixture("cpd-record", tmp);
        out = tmp.resolve("out");
        result = Lateral.build(BuildRequest.of(site).withOutput(out).withNow(NOW));
    }

    @Test
    void recordPageShowsEachYearWithItsTotalsNewestFirst() {
        Document d = Html.page(out, "cpd/index.html");
        assertThat(d.select("section.cpd-year > h2").eachText())
                .containsExactly("Academic year 2024-25", "Academic year 2023-24");
        Element y25 = d.getElementById("year-2024-25").parent();
        assertThat(y25.selectFirst(".cpd-total").text()).startsWith("11 hours of professional learning in 5 activities");
        assertThat(y25.selectFirst(".cpd-goal").text()).contains("Goal 35 hours: 31 % reached, 24 to go");
        assertThat(y25.selectFirst("meter").attr("value")).isEqualTo("11");
        assertThat(y25.select(".cpd-term > h3").eachText()).containsExactly("Spring term (1.25 h)", "Autumn term (9.75 h)");
        assertThat(y25.select(".cpd-activity h4").eachText()).containsExactly("What went wrong with group work",
                "Reading: the Oracy Framework", "Learning round: oracy in Year 8", "Oracy project: where we start",
                "INSET: adaptive teaching");
        Element round = y25.select(".cpd-activity").get(2);
        assertThat(round.selectFirst("a").attr("href")).isEqualTo("../2024/11/learning-round-oracy/index.html");
        assertThat(round.selectFirst(".meta").text()).contains("learning round", "2.5 h", "TS4, TS8");
        assertThat(round.selectFirst(".cpd-impact").text()).isEqualTo("Impact: Pupils explain their reasoning more.");
        Element y24 = d.getElementById("year-2023-24").parent();
        assertThat(y24.selectFirst(".cpd-total").text()).startsWith("7 hours");
        assertThat(y24.select(".cpd-term > h3").eachText())
                .containsExactly("Summer term (3 h)", "Spring term (1.5 h)", "Autumn term (2.5 h)");
    }

    @Test
    void totalsPerTypeAndPerStandardAreInTables() {
        Element y25 = Html.page(out, "cpd/index.html").getElementById("year-2024-25").parent();
        List<Element> tables = y25.select("table.cpd-table");
        assertThat(tables).hasSize(3);
        assertThat(rows(tables.get(1))).containsExactly("inset 6 1", "learning round 2.5 1", "research 1.25 1",
                "reading 0.75 1", "other 0.5 1");
        assertThat(rows(tables.get(2))).containsExactly(
                "TS1 Set high expectations which inspire, motivate and challenge pupils 1.25 1",
                "TS3 Demonstrate good subject and curriculum knowledge 0.75 1",
                "TS4 Plan and teach well structured lessons 2.5 1",
                "TS5 Adapt teaching to respond to the strengths and needs of all pupils 6 1",
                "TS8 Fulfil wider professional responsibilities 2.5 1");
        List<String> months = rows(tables.get(0));
        assertThat(months).hasSize(12).startsWith("September 2024 6 1", "October 2024 1.25 1", "November 2024 2.5 1",
                "December 2024 0 0", "January 2025 0.75 1", "February 2025 0.5 1");
    }

    @Test
    void chartsAreSvgWithATextAlternative() throws Exception {
        Document d = Html.page(out, "cpd/index.html");
        List<Element> charts = d.select("svg.cpd-chart");
        assertThat(charts).hasSize(4); // months and types, two years
        assertThat(d.select("script")).isEmpty();
        Element months = charts.get(0);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String html = Files.readString(out.resolve("cpd/index.html"), StandardCharsets.UTF_8);
        String xml = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6); // as written, not as jsoup sees it
        org.w3c.dom.Document svg = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        org.w3c.dom.Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        String[] labelledBy = root.getAttribute("aria-labelledby").split(" ");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("Hours of professional learning by month, 2024-25");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent())
                .startsWith("September 2024: 6 h; October 2024: 1.25 h; November 2024: 2.5 h; December 2024: 0 h");
        assertThat(d.getElementById(labelledBy[0]).tagName()).isEqualTo("title");
        assertThat(d.getElementById(labelledBy[1]).tagName()).isEqualTo("desc");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isEqualTo(12);
        assertThat(charts.get(1).select("desc").text()).isEqualTo(
                "inset: 6 h; learning round: 2.5 h; research: 1.25 h; reading: 0.75 h; other: 0.5 h");
    }

    @Test
    void csvExportsSumToTheHandComputedTotals() throws IOException {
        assertThat(csvHours(out.resolve("cpd/2024-25.csv"))).isEqualByComparingTo("11");
        assertThat(csvHours(out.resolve("cpd/2023-24.csv"))).isEqualByComparingTo("7");
        List<String> lines = Files.readAllLines(out.resolve("cpd/2024-25.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFFDate,Activity,Type,Hours,Standards,Impact,Evidence,Link");
        assertThat(lines).hasSize(6);
        assertThat(lines.get(3)).isEqualTo("2024-11-06,Learning round: oracy in Year 8,learning round,2.5,TS4; TS8,"
                + "Pupils explain their reasoning more.,Observation notes (https://example.org/notes); Exit tickets from 8K,"
                + "https://khan.example.org/2024/11/learning-round-oracy/");
    }

    @Test
    void jsonExportHasTheYearTotalsAndEveryActivity() throws IOException {
        JsonNode j = new ObjectMapper().readTree(out.resolve("cpd/2024-25.json").toFile());
        assertThat(j.get("academicYear").asText()).isEqualTo("2024-25");
        assertThat(j.get("start").asText()).isEqualTo("2024-09-01");
        assertThat(j.get("end").asText()).isEqualTo("2025-08-31");
        assertThat(j.get("framework").get("id").asText()).isEqualTo("teachers-standards-england");
        assertThat(j.get("totalHours").decimalValue()).isEqualByComparingTo("11");
        assertThat(j.get("hoursGoal").decimalValue()).isEqualByComparingTo("35");
        assertThat(j.get("hoursByType").get("inset").decimalValue()).isEqualByComparingTo("6");
        assertThat(j.get("hoursByStandard").get("TS5").decimalValue()).isEqualByComparingTo("6");
        assertThat(j.get("activities")).hasSize(5);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode a : j.get("activities")) {
            sum = sum.add(a.get("hours").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("11");
        assertThat(j.get("activities").get(0).get("title").asText()).isEqualTo("INSET: adaptive teaching");
        assertThat(j.get("activities").get(0).get("standards").get(0).get("code").asText()).isEqualTo("TS5");
    }

    @Test
    void aPrivateRecordAppearsNowhereInTheOutput() throws IOException {
        List<String> secrets = List.of("Supervision with my line manager", "Jordan", "Zanzibarquux",
                "difficult-conversation", "supervision-zq", "qxbundle", "qxsecret");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                String path = out.relativize(f).toString();
                for (String s : secrets) {
                    if (text.toLowerCase().contains(s.toLowerCase()) || path.toLowerCase().contains(s.toLowerCase())) {
                        found.add(path + " holds " + s);
                    }
                }
            }
        }
        assertThat(found).isEmpty();
        assertThat(result.posts()).isEqualTo(8);
    }

    @Test
    void thePrivateRecordIsCountedOnlyWhenAskedFor() {
        CpdRequest ask = CpdRequest.of(site).withNow(NOW);
        CpdResult pub = Lateral.cpd(ask);
        assertThat(pub.year().get().label()).isEqualTo("2024-25");
        assertThat(pub.year().get().hoursText()).isEqualTo("11");
        String text = new String(pub.bytes(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("Professional learning 2024-25: 11 hours, 5 activities (goal 35 hours: 31 %)")
                .doesNotContain("Jordan");
        CpdResult all = Lateral.cpd(ask.withPrivate(true).withFormat("csv"));
        assertThat(all.year().get().hoursText()).isEqualTo("12");
        String csv = new String(all.bytes(), StandardCharsets.UTF_8);
        assertThat(csv).contains("2025-02-03,Supervision with my line manager about Jordan,mentoring,1,TS8,"
                + "Zanzibarquux plan agreed.,,");
        CpdResult older = Lateral.cpd(ask.withYear("2023-24").withFormat("json"));
        assertThat(new String(older.bytes(), StandardCharsets.UTF_8)).contains("\"totalHours\" : 7");
    }

    @Test
    void theExportIsNotWrittenIntoABuiltSite() {
        CpdRequest ask = CpdRequest.of(site).withNow(NOW).withPrivate(true).withFormat("csv")
                .withOutput(out.resolve("mine.csv"));
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(() -> Lateral.cpd(ask), LateralException.class)
                .problems()).singleElement().satisfies(p -> assertThat(p.message())
                        .contains("a folder Lateral builds a site into, so your private records would be published"));
        assertThat(out.resolve("mine.csv")).doesNotExist();
    }

    @Test
    void anUnknownYearIsNamedWithTheYearsThereAre() {
        LateralException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Lateral.cpd(CpdRequest.of(site).withNow(NOW).withYear("2019-20")), LateralException.class);
        assertThat(e.problems().get(0).format()).contains("2019-20", "choose one of 2024-25, 2023-24");
    }

    @Test
    void aPostShowsItsRecordAndAReflectionItsModel() {
        Document post = Html.page(out, "2024/11/learning-round-oracy/index.html");
        Element box = post.selectFirst("aside.cpd-entry");
        assertThat(box.select("dt").eachText()).containsExactly("Type", "Hours", "Standards", "Impact", "Evidence");
        assertThat(box.select("dd").get(2).text()).isEqualTo(
                "TS4 Plan and teach well structured lessons; TS8 Fulfil wider professional responsibilities");
        assertThat(box.select("dd a").attr("href")).isEqualTo("https://example.org/notes");
        Document reflection = Html.page(out, "2025/02/group-work/index.html");
        assertThat(reflection.selectFirst(".reflection-model").text())
                .isEqualTo("This reflection follows Gibbs' reflective cycle.");
    }

    @Test
    void anOverdueProjectReviewIsNamedInTheBuildLog() {
        assertThat(result.warnings()).map(Problem::format).anySatisfy(w -> assertThat(w).isEqualTo(
                "content/posts/2024-10-01-oracy-where-we-start.md:6:1: warning: Oracy project: impact review due since"
                        + " 31 January 2025 — write the review stage — fix: write a post with series: \"Oracy project\""
                        + " and stage: review saying what changed (lateral new reflection \"Oracy project: review\""
                        + " --model borton)"));
    }

    @Test
    void projectsPageAndSeriesPageShowTheStages() {
        Document projects = Html.page(out, "projects/index.html");
        assertThat(projects.select(".project h2").eachText()).containsExactly("Oracy project");
        assertThat(projects.select(".stage-step").eachText()).containsExactly(
                "Reflect — written: Oracy project: where we start", "Act — written: Learning round: oracy in Year 8",
                "Review — to come");
        assertThat(projects.select(".project .meta").text()).isEqualTo("Impact review due 31 January 2025");
        Document series = Html.page(out, "series/oracy-project/index.html");
        assertThat(series.select("ol.stage-timeline > li.done")).hasSize(2);
        assertThat(series.select("ol.stage-timeline > li").last().text()).isEqualTo("Review — to come");
    }

    @Test
    void everyPageIsValidHtml() {
        assertThat(NuHtmlChecker.errorsInSite(out)).isEmpty();
    }

    private static List<String> rows(Element table) {
        return table.select("tbody tr").eachText();
    }

    private static BigDecimal csvHours(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        int column = List.of(lines.get(0).replace("\uFEFF", "").split(",")).indexOf("Hours");
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : lines.subList(1, lines.size())) {
            sum = sum.add(new BigDecimal(line.split(",")[column]));
        }
        return sum;
    }
}
