package org.lateral.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lateral.BuildRequest;
import org.lateral.Caller;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.cpd.ReflectionModel;
import org.lateral.testing.Html;
import org.lateral.testing.TestSites;

/** {@code lateral new reflection --model …} for every model, the site's own models and archetypes. */
class ReflectionArchetypeTest {

    static final Instant NOW = Instant.parse("2025-03-04T16:30:00Z");

    private static Path site(Path tmp) {
        return TestSites.inline(tmp, """
                -- site.yaml --
                title: Reflections
                baseUrl: https://example.org/
                timezone: Europe/London
                """);
    }

    private static List<String> headings(String text) {
        Matcher m = Pattern.compile("(?m)^## (.+)$").matcher(text);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gibbs      | Gibbs' reflective cycle                | Description, Feelings, Evaluation, Analysis, Conclusion, Action plan",
        "borton     | Borton's What? So what? Now what?      | What?, So what?, Now what?",
        "driscoll   | Driscoll's model of reflection         | What?, So what?, Now what?",
        "kolb       | Kolb's experiential learning cycle     | Concrete experience, Reflective observation, Abstract conceptualisation, Active experimentation",
        "schon      | Schön's reflection in and on action    | Reflection in action, Reflection on action",
        "brookfield | Brookfield's four lenses               | My own experience, Through my students' eyes, Colleagues' perceptions, Theory and research"})
    void eachModelGivesItsStagesAsHeadingsWithPromptsAndThePageNamesIt(String model, String name, String stages,
            @TempDir Path tmp) {
        Path site = site(tmp);
        Path file = Scaffolder.newReflection(site, "After the \"group work\" lesson", model, NOW, Caller.COMMAND_LINE);
        assertThat(file).isEqualTo(site.resolve("content/posts/after-the-group-work-lesson.md"));
        String text = TestSites.read(file);
        assertThat(text).startsWith("---\ntitle: \"After the \\\"group work\\\" lesson\"\ndate: 2025-03-04 16:30\n")
                .contains("\nreflection: " + model + "\n", "A reflection in the stages of " + name + ".");
        assertThat(headings(text)).containsExactly(stages.split(", "));
        assertThat(text.split("<!-- ", -1)).hasSize(stages.split(", ").length + 1); // one prompt per stage
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Document page = Html.page(site.resolve("public"), "2025/03/after-the-group-work-lesson/index.html");
        assertThat(page.selectFirst(".reflection-model").text()).isEqualTo("This reflection follows " + name + ".");
        assertThat(page.select(".content h2").eachText()).map(h -> h.replace('\u2019', '\''))
                .containsExactly(stages.split(", ")); // the typographer curls apostrophes
        assertThat(page.selectFirst(".content").text()).doesNotContain("What happened? Where"); // prompts are comments
    }

    @Test
    void theListHasLateralsModelsThenTheSitesOwn(@TempDir Path tmp) {
        Path site = site(tmp);
        TestSites.write(site.resolve("data/reflections/lesson-study.yaml"), """
                name: "Lesson study cycle"
                stages:
                  - heading: Plan
                    prompt: "What will the research lesson test?"
                  - heading: Teach and observe
                  - heading: Discuss
                """);
        Map<String, ReflectionModel> models = Lateral.reflectionModels(site);
        assertThat(models.keySet()).containsExactly("gibbs", "borton", "driscoll", "kolb", "schon", "brookfield",
                "lesson-study");
        Path file = Scaffolder.newReflection(site, "Research lesson", "lesson-study", NOW, Caller.COMMAND_LINE);
        assertThat(headings(TestSites.read(file))).containsExactly("Plan", "Teach and observe", "Discuss");
        Lateral.build(BuildRequest.of(site).withNow(NOW));
    }

    @Test
    void anUnknownModelSuggestsTheNearest(@TempDir Path tmp) {
        LateralException e = catchThrowableOfType(
                () -> Scaffolder.newReflection(site(tmp), "T", "kolbe", NOW, Caller.COMMAND_LINE), LateralException.class);
        assertThat(e.problems().get(0).format()).contains("there is no reflective model called \"kolbe\"; did you mean kolb?",
                "choose one of gibbs, borton, driscoll, kolb, schon, brookfield");
    }

    @Test
    void theSitesArchetypeIsUsedForPostsAndReflections(@TempDir Path tmp) {
        Path site = site(tmp);
        TestSites.write(site.resolve("archetypes/post.md"), """
                ---
                title: {{title}}
                date: {{date}}
                tags: [year-8]
                ---
                What I tried ({{slug}}), and what happened. {{unknown}} stays as written.
                """);
        TestSites.write(site.resolve("archetypes/reflection.md"), """
                ---
                title: {{title}}
                date: {{date}}
                reflection: {{model}}
                cpd: { hours: 1, type: reading }
                ---
                Following {{modelName}}.

                {{stages}}
                """);
        String post = TestSites.read(Scaffolder.newPost(site, "Exit tickets", NOW, Caller.COMMAND_LINE));
        assertThat(post).isEqualTo("---\ntitle: \"Exit tickets\"\ndate: 2025-03-04 16:30\ntags: [year-8]\n---\n"
                + "What I tried (exit-tickets), and what happened. {{unknown}} stays as written.\n");
        String reflection = TestSites.read(Scaffolder.newReflection(site, "Reading Borton", "borton", NOW, Caller.COMMAND_LINE));
        assertThat(reflection).startsWith("---\ntitle: \"Reading Borton\"\ndate: 2025-03-04 16:30\nreflection: borton\n"
                + "cpd: { hours: 1, type: reading }\n---\nFollowing Borton's What? So what? Now what?.\n\n## What?\n\n<!-- ");
    }

    @Test
    void withoutASiteArchetypeANewPostIsAsBefore(@TempDir Path tmp) {
        String post = TestSites.read(Scaffolder.newPost(site(tmp), "Exit tickets", NOW, Caller.COMMAND_LINE));
        assertThat(post).isEqualTo("---\ntitle: \"Exit tickets\"\ndate: 2025-03-04 16:30\ntags: []\ndraft: false\n---\n\n"
                + "Write your reflection here. The first paragraph becomes the summary on the home page.\n");
    }

    @Test
    void fillLeavesEverythingButKnownPlaceholders() {
        assertThat(Archetypes.fill("{{a}} {{ b }} {{c}} {{ and }", Map.of("a", "1", "b", "2")))
                .isEqualTo("1 2 {{c}} {{ and }");
    }
}
