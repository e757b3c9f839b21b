package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

class ThemeOptionsTest {

    @TempDir
    Path tmp;

    private SiteConfig load(String theme, List<Problem> warnings) {
        TestSites.write(tmp.resolve("site.yaml"), "title: T\nbaseUrl: https://example.org/\n" + theme);
        return SiteConfigLoader.load(tmp, warnings);
    }

    @Test
    void aThemeNameAloneHasNoOptions() {
        SiteConfig c = load("theme: default\n", new ArrayList<>());
        assertThat(c.theme()).isEqualTo("default");
        assertThat(c.themeOptions()).isEmpty();
    }

    @Test
    void aMapGivesTheNameTheAccentWithItsReadableShadesAndTheLogo() {
        TestSites.write(tmp.resolve("static/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        List<Problem> warnings = new ArrayList<>();
        SiteConfig c = load("theme:\n  name: default\n  accent: \"#1D6B57\"\n  logo: logo.svg\n  tagline: yes\n", warnings);
        assertThat(c.theme()).isEqualTo("default");
        assertThat(c.themeOptions()).containsEntry("accent", "#1d6b57").containsEntry("accentText", "#1d6b57")
                .containsEntry("onAccent", "#ffffff").containsEntry("logo", "logo.svg").containsEntry("tagline", true);
        int dark = ThemeOptions.parse((String) c.themeOptions().get("accentDark"));
        assertThat(ThemeOptions.contrast(dark, ThemeOptions.parse(ThemeOptions.DARK_BACKGROUND))).isGreaterThanOrEqualTo(4.5);
        assertThat(warnings).isEmpty();
    }

    @Test
    void anAccentTooLightForTextIsDarkenedForLinksWithAWarningAtItsLine() {
        List<Problem> warnings = new ArrayList<>();
        SiteConfig c = load("theme:\n  accent: \"#ffd166\"\n", warnings);
        int text = ThemeOptions.parse((String) c.themeOptions().get("accentText"));
        assertThat(ThemeOptions.contrast(text, ThemeOptions.parse(ThemeOptions.LIGHT_BACKGROUND))).isGreaterThanOrEqualTo(4.5);
        assertThat(c.themeOptions()).containsEntry("accent", "#ffd166").containsEntry("onAccent", "#ffffff");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.format()).startsWith("site.yaml:4:11: warning: the accent colour #ffd166 is too light");
            assertThat(w.hint()).contains("accent: \"" + c.themeOptions().get("accentText") + "\"");
        });
    }

    @Test
    void aColourThatIsNotOneAndAMissingLogoAreErrorsAtTheirLines() {
        LateralException e = catchThrowableOfType(() -> load("theme:\n  accent: green-ish\n  logo: crest.png\n",
                new ArrayList<>()), LateralException.class);
        assertThat(e.problems()).extracting(Problem::format).satisfiesExactly(
                p -> assertThat(p).startsWith("site.yaml:4:11: error: the accent colour \"green-ish\" is not a colour")
                        .contains("accent: \"#1d6b57\""),
                p -> assertThat(p).startsWith("site.yaml:5:9: error: the logo static/crest.png does not exist")
                        .contains("put the picture at static/crest.png"));
    }

    @Test
    void aColourWithoutQuotesIsReadAsTheColourWithAWarningAtItsHashInABlockOrOnOneLine() {
        TestSites.write(tmp.resolve("static/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        List<Problem> warnings = new ArrayList<>();
        SiteConfig block = load("theme:\n  accent: #7b2d8e\n  logo: logo.svg\n", warnings);
        assertThat(block.themeOptions()).containsEntry("accent", "#7b2d8e").containsEntry("logo", "logo.svg");
        assertThat(warnings).extracting(Problem::format).containsExactly("site.yaml:4:11: warning: the colour #7b2d8e"
                + " is written without quotes; YAML reads a # after a space as the start of a note, so it would be lost"
                + " (it is read as the colour) — fix: put it in double quotes: accent: \"#7b2d8e\"");

        warnings.clear();
        SiteConfig flow = load("theme: { accent: #7b2d8e, logo: logo.svg }\n", warnings);
        assertThat(flow.themeOptions()).containsEntry("accent", "#7b2d8e").containsEntry("logo", "logo.svg");
        assertThat(warnings).extracting(Problem::format).singleElement().asString()
                .startsWith("site.yaml:3:18: warning: the colour #7b2d8e is written without quotes");
    }

    @Test
    void aLogoOrCrestNamedNotQuiteAsItsFileIsAnErrorNamingTheFile() {
        TestSites.write(tmp.resolve("static/logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        TestSites.write(tmp.resolve("static/img/crest.png"), "png");
        LateralException e = catchThrowableOfType(() -> load("theme:\n  name: school\n  logo: Logo.SVG\n"
                + "  crest: img/crest.pgn\n", new ArrayList<>()), LateralException.class);
        assertThat(e.problems()).extracting(Problem::format).containsExactly(
                "site.yaml:5:9: error: the logo static/Logo.SVG does not exist — fix: did you mean logo.svg? write"
                        + " logo: logo.svg, or put the picture at static/Logo.SVG in the site's folder, or correct the"
                        + " name after logo:",
                "site.yaml:6:10: error: the crest static/img/crest.pgn does not exist — fix: did you mean img/crest.png?"
                        + " write crest: img/crest.png, or put the picture at static/img/crest.pgn in the site's folder,"
                        + " or correct the name after crest:");
        assertThat(load("theme:\n  name: school\n  crest: \"\"\n", new ArrayList<>()).themeOptions())
                .containsEntry("crest", ""); // as lateral new site --theme school writes it: no crest yet
    }

    @Test
    void contrastIsWcags() {
        assertThat(ThemeOptions.contrast(0x000000, 0xffffff)).isEqualTo(21.0);
        assertThat(ThemeOptions.contrast(0x777777, 0xffffff)).isBetween(4.47, 4.49);
    }

    @org.junit.jupiter.api.Test
    void textOnEveryAccentsShadesReadsAtFourAndAHalfToOneWhateverTheAccent() {
        for (int r = 0; r <= 255; r += 15) {
            for (int g = 0; g <= 255; g += 15) {
                for (int b = 0; b <= 255; b += 15) {
                    String accent = String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
                    java.util.Map<String, Object> shades = ThemeOptions.shades(accent);
                    for (String[] pair : new String[][] {{"onAccent", "accentText"}, {"onAccentDark", "accentDark"}}) {
                        double ratio = ThemeOptions.contrast(rgb(shades.get(pair[0])), rgb(shades.get(pair[1])));
                        org.assertj.core.api.Assertions.assertThat(ratio)
                                .as("%s on %s for the accent %s", pair[0], pair[1], accent).isGreaterThanOrEqualTo(4.5);
                    }
                }
            }
        }
    }

    private static int rgb(Object hex) {
        return Integer.parseInt(hex.toString().substring(1), 16);
    }
}
