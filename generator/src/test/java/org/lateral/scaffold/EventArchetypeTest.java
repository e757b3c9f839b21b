package org.lateral.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.render.ThemeLoader;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/** {@code lateral new event "Title"}: Lateral's event archetype, the site's and the theme's, and that a new event builds. */
class EventArchetypeTest {

    static final Instant NOW = Instant.parse("2025-03-04T16:30:00Z");

    private static Path site(Path tmp) {
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: Events
                baseUrl: https://example.org/
                timezone: Europe/London
                """);
    }

    @Test
    void lateralsArchetypeHasStartEndAndLocationPlaceholders() {
        Archetypes.Archetype a = Archetypes.find("event", Path.of("no-such-site"), Optional.empty());
        assertThat(a.from()).isEqualTo("Lateral's event archetype");
        assertThat(a.text()).startsWith("---\ntitle: {{title}}\nstart: {{start}}\nend: {{end}}\nlocation: ");
    }

    @Test
    void aNewEventIsWrittenAWeekAheadAndBuildsAsWritten(@TempDir Path tmp) {
        Path site = site(tmp);
        Path file = Scaffolder.newEvent(site, "TeachMeet \"North\": oracy", NOW, Caller.COMMAND_LINE);
        assertThat(file).isEqualTo(site.resolve("content/events/2025-03-11-teachmeet-north-oracy.md"));
        String text = TestSites.read(file);
        assertThat(text).startsWith("---\ntitle: \"TeachMeet \\\"North\\\": oracy\"\nstart: 2025-03-11 16:00\n"
                + "end: 17:30\nlocation: \"Where it happens: the room, the school, the town\"\n").doesNotContain("{{");
        BuildResult result = Lateral.build(BuildRequest.of(site).withNow(NOW));
        assertThat(result.warnings()).isEmpty();
        Document page = Html.page(site.resolve("public"), "events/2025/teachmeet-north-oracy/index.html");
        assertThat(page.selectFirst("h1").text()).isEqualTo("TeachMeet \"North\": oracy");
        assertThat(page.selectFirst("time.dt-start").attr("datetime")).startsWith("2025-03-11T16:00");
        assertThat(page.selectFirst(".p-location").text()).isEqualTo("Where it happens: the room, the school, the town");
        assertThat(Html.page(site.resolve("public"), "events/index.html").select("a[href*=teachmeet-north-oracy]")).isNotEmpty();
    }

    @Test
    void theSitesArchetypeWinsOverTheThemesAndTheThemesOverLaterals(@TempDir Path tmp) {
        Path site = site(tmp);
        TestSites.write(site.resolve("themes/mine/templates/.keep"), "");
        TestSites.write(site.resolve("themes/mine/archetypes/event.md"), "---\ntitle: {{title}}\nstart: {{start}}\n---\nThe theme's.\n");
        var theme = Optional.of(ThemeLoader.load("mine", site, getClass().getClassLoader()));
        assertThat(Archetypes.find("event", site, theme).text()).contains("The theme's.");
        TestSites.write(site.resolve("archetypes/event.md"), "---\ntitle: {{title}}\nstart: {{start}}\nend: {{end}}\n---\n"
                + "Our TeachMeet ({{slug}}, {{date}}).\n");
        assertThat(Archetypes.find("event", site, theme).from()).isEqualTo("archetypes/event.md");
        Path file = Scaffolder.newEvent(site, "Spring TeachMeet", NOW, Caller.COMMAND_LINE);
        assertThat(TestSites.read(file)).isEqualTo("---\ntitle: \"Spring TeachMeet\"\nstart: 2025-03-11 16:00\n"
                + "end: 17:30\n---\nOur TeachMeet (spring-teachmeet, 2025-03-11 16:00).\n");
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        assertThat(site.resolve("public/events/2025/spring-teachmeet/index.html")).isRegularFile();
    }

    @Test
    void anExistingEventIsNeverOverwritten(@TempDir Path tmp) {
        Path site = site(tmp);
        Scaffolder.newEvent(site, "Journal club", NOW, Caller.COMMAND_LINE);
        LateralException e = catchThrowableOfType(
                () -> Scaffolder.newEvent(site, "Journal club", NOW, Caller.COMMAND_LINE), LateralException.class);
        assertThat(e.problems().get(0).format()).contains("an event called journal-club on 2025-03-11 already exists",
                "open content/events/2025-03-11-journal-club.md");
    }

    @Test
    void theCommandLineWritesTheEvent(@TempDir Path tmp) {
        Path site = site(tmp);
        assertThat(org.lateral.cli.Main.run("new", "event", "Learning round", "--site", site.toString())).isZero();
        try (var events = java.nio.file.Files.list(site.resolve("content/events"))) {
            assertThat(events.map(p -> p.getFileName().toString()))
                    .singleElement().satisfies(n -> assertThat(n).matches("\\d{4}-\\d{2}-\\d{2}-learning-round\\.md"));
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        assertThat(Lateral.build(BuildRequest.of(site)).warnings()).isEmpty();
    }
}
