package org.lateral.cpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;
import org.lateral.config.Yaml;

class CpdUnitsTest {

    @Test
    void termsFollowTheAcademicYearsStart() {
        // England and Wales: September to December, January to March, April to August
        assertThat(List.of(9, 12, 1, 3, 4, 8).stream().map(m -> CpdTerm.of(m, 9)).toList())
                .containsExactly("autumn", "autumn", "spring", "spring", "summer", "summer");
        // Scotland's year starts in August, which is then the autumn term's first month
        assertThat(CpdTerm.of(8, 8)).isEqualTo("autumn");
        assertThat(CpdTerm.of(7, 8)).isEqualTo("summer");
        // a year starting in January: the calendar's terms
        assertThat(CpdTerm.of(1, 1)).isEqualTo("spring");
        assertThat(CpdTerm.of(10, 1)).isEqualTo("autumn");
    }

    @Test
    void hoursAreWrittenAsPeopleWriteThem() {
        assertThat(Hours.text(2.0)).isEqualTo("2");
        assertThat(Hours.text(0.75)).isEqualTo("0.75");
        assertThat(Hours.text(Hours.exact(0.1).add(Hours.exact(0.2)))).isEqualTo("0.3");
        assertThat(Hours.text(Hours.exact(10).add(Hours.exact(25)))).isEqualTo("35");
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(CpdExport.cell("plain")).isEqualTo("plain");
        assertThat(CpdExport.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CpdExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CpdExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CpdExport.cell("-1.5")).isEqualTo("-1.5");
    }

    @Test
    void aBrokenRecordThatSaysPrivateStaysPrivate() {
        List<Problem> problems = new ArrayList<>();
        Optional<CpdRecord> r = CpdFrontMatter.read(Yaml.parse("hours: lots\ntype: course\nprivate: true\n",
                Path.of("a.md"), 5), Path.of("a.md"), problems);
        assertThat(problems).hasSize(1);
        assertThat(r).hasValueSatisfying(x -> assertThat(x.isPrivate()).isTrue());
        List<Problem> more = new ArrayList<>();
        Optional<CpdRecord> unsure = CpdFrontMatter.read(Yaml.parse("hours: 1\ntype: course\nprivate: yes please\n",
                Path.of("a.md"), 5), Path.of("a.md"), more);
        assertThat(more).singleElement().satisfies(p -> assertThat(p.format())
                .isEqualTo("a.md:7:10: error: private must be true or false, not \"yes please\" — fix: write private: true"
                        + " to keep this post and its record off the site"));
        assertThat(unsure).hasValueSatisfying(x -> assertThat(x.isPrivate()).isTrue());
    }

    @Test
    void theChartsTextAlternativeListsEveryValue() {
        List<Total> totals = List.of(new Total("a", "Sep", "September 2024", Hours.exact(2.5), 1),
                new Total("b", "Oct", "October 2024", Hours.exact(0), 0));
        String svg = CpdChart.columns("c", "Hours <by> month", totals);
        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cpd-chart\"")
                .contains("<title id=\"c-title\">Hours &lt;by&gt; month</title>",
                        "<desc id=\"c-desc\">September 2024: 2.5 h; October 2024: 0 h</desc>")
                .endsWith("</svg>");
    }
}
