package org.lateral.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.content.FrontMatterParser;
import org.lateral.content.Source;
import org.lateral.markdown.MarkdownRenderer;
import org.lateral.markdown.Rendered;

/**
 * A one-shot build lets each source's text go once it is converted (at 100,000 posts the texts
 * were 650 MB held to the end of the assembly), but keeps it where the assembly still reads it:
 * to tell the line of a download link to a missing file (EmbedsAndTaxonomiesIT checks that line).
 */
class SessionSourceTextTest {

    private static Source source(String body) {
        Path file = Path.of("/site/content/posts/a.md");
        var fm = new FrontMatterParser(ZoneId.of("Europe/London"))
                .parse("---\ntitle: A\ndate: 2024-01-10\n---\n" + body, file).frontMatter();
        return new Source(file, Path.of("content/posts/a.md"), Source.POSTS, "a", fm, body, 5, List.of());
    }

    private static Rendered rendered(Source s) {
        return new MarkdownRenderer().render(s.body(), false, s.path(), s.bodyLine(), s.frontMatter().summary());
    }

    @Test
    void aConvertedSourceLosesItsTextButNothingElse() {
        Source s = source("Talk *tactics* with whiteboards.\n");

        Source without = Session.withoutText(s, rendered(s));

        assertThat(without.body()).isEmpty();
        assertThat(without).usingRecursiveComparison().ignoringFields("body").isEqualTo(s);
    }

    @Test
    void aSourceWithADownloadLinkKeepsItsTextForTheLineOfAMissingFile() {
        Source s = source("The slides:\n\n[Slides from the talk](slides.pdf)\n");
        Rendered r = rendered(s);

        assertThat(org.lateral.markdown.Embeds.downloads(r.html())).isNotEmpty();
        assertThat(Session.withoutText(s, r)).isSameAs(s);
    }
}
