package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/** A build gives the same URLs and text whatever the machine's default locale (the Turkish "I" problem). */
class TurkishLocaleIT {

    @TempDir
    Path tmp;

    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void slugsUrlsKeysAndDatesDoNotDependOnTheDefaultLocale() {
        Path site = TestSites.inline(tmp, """
                -- site.yaml --
                title: INSET IDEAS
                baseUrl: https://example.org/
                language: en-GB
                -- content/posts/INDEX-OF-IDEAS.md --
                ---
                title: "Ideas from INSET: I and İ"
                date: 2024-03-05
                tags: [INSET, Questioning]
                ---
                First paragraph.
                """);
        Lateral.build(BuildRequest.of(site));
        Path out = site.resolve("public");
        assertThat(out.resolve("2024/03/index-of-ideas/index.html")).exists();
        assertThat(out.resolve("tags/inset/index.html")).exists();
        assertThat(out.resolve("tags/questioning/index.html")).exists();
        Document d = Html.page(out, "2024/03/index-of-ideas/index.html");
        assertThat(d.select("time").first().text()).isEqualTo("5 March 2024");
        assertThat(d.select("ul.tags a").eachText()).containsExactly("INSET", "Questioning");
    }
}
