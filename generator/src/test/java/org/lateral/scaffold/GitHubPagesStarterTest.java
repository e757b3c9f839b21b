package org.lateral.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.BuildRequest;
import org.lateral.Lateral;
import org.lateral.cli.Main;
import org.lateral.testing.TestSites;

/** {@code lateral new site DIR --github-pages}: the starter site plus a workflow that publishes it. */
class GitHubPagesStarterTest {

    @TempDir
    Path tmp;

    @Test
    void theWorkflowBuildsAndPublishesToGhPagesAtEveryPushWithTheRepositorysToken() throws IOException {
        Path site = tmp.resolve("cpd");
        List<Path> files = Lateral.newSite(site, "My CPD journal", true);

        Path workflow = site.resolve(".github/workflows/publish.yml");
        assertThat(files).contains(workflow, site.resolve(".gitignore"), site.resolve("site.yaml"));
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(workflow.toFile());
        assertThat(yaml.path("on").path("push").path("branches").get(0).asText()).isEqualTo("main");
        assertThat(yaml.path("on").has("workflow_dispatch")).isTrue();
        assertThat(yaml.path("permissions").path("contents").asText()).isEqualTo("write");
        assertThat(yaml.path("concurrency").path("cancel-in-progress").asBoolean(true)).isFalse();
        assertThat(yaml.path("env").path("LATERAL_VERSION").asText()).isEqualTo(Lateral.version());
        JsonNode steps = yaml.path("jobs").path("publish").path("steps");
        assertThat(steps.get(0).path("uses").asText()).startsWith("actions/checkout@");
        assertThat(steps.get(1).path("with").path("java-version").asText()).isEqualTo("17");
        JsonNode publish = steps.get(2);
        assertThat(publish.path("env").path("LATERAL_GIT_TOKEN").asText()).isEqualTo("${{ secrets.GITHUB_TOKEN }}");
        assertThat(publish.path("run").asText()).isEqualTo("mvn --batch-mode --no-transfer-progress"
                + " org.lateral:lateral-maven-plugin:${LATERAL_VERSION}:publish -Dlateral.siteDir=."
                + " -Dlateral.to=https://github.com/${{ github.repository }}.git -Dlateral.branch=gh-pages");
        assertThat(TestSites.read(site.resolve(".gitignore"))).contains("public/", "target/", ".lateral-cache/");

        Lateral.build(BuildRequest.of(site));
        assertThat(site.resolve("public/index.html")).exists();
    }

    @Test
    void inAFreshCloneTheProjectsOwnGitignoreIsKept() {
        Path clone = tmp.resolve("clone");
        TestSites.write(clone.resolve(".gitignore"), "my-own-rules/\n");
        TestSites.write(clone.resolve("README.md"), "# My CPD\n");

        List<Path> files = Lateral.newSite(clone, "My CPD journal", true);

        assertThat(TestSites.read(clone.resolve(".gitignore"))).isEqualTo("my-own-rules/\n");
        assertThat(files).doesNotContain(clone.resolve(".gitignore")).contains(clone.resolve(".github/workflows/publish.yml"));
    }

    @Test
    void withoutTheOptionThereIsNoWorkflow() {
        Path site = tmp.resolve("plain");
        assertThat(Main.run("new", "site", site.toString())).isZero();
        assertThat(site.resolve(".github")).doesNotExist();

        Path pages = tmp.resolve("pages");
        assertThat(Main.run("new", "site", pages.toString(), "--github-pages")).isZero();
        assertThat(pages.resolve(".github/workflows/publish.yml")).exists();
    }
}
