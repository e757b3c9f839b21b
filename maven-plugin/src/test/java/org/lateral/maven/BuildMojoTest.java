package org.lateral.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.maven.AbstractLateralMojoTest.RecordingLog;

class BuildMojoTest {

    @TempDir
    Path project;

    private final RecordingLog log = new RecordingLog();

    private BuildMojo mojo() {
        BuildMojo mojo = new BuildMojo();
        mojo.siteDir = project.toFile();
        mojo.output = project.resolve("target/site-output").toFile();
        mojo.executionRoot = project.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private void write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void site() throws IOException {
        write("site.yaml", "title: Ms Rees's CPD journal\nbaseUrl: https://example.org/\n");
        write("content/posts/inset.md", "---\ntitle: INSET day\ndate: 2024-09-02\ntags: [inset]\n---\n\nWe met.\n");
    }

    @Test
    void buildsTheSiteBesideThePomIntoTargetAndLogsTheSummary() throws Exception {
        site();

        mojo().execute();

        assertThat(project.resolve("target/site-output/index.html")).isRegularFile();
        assertThat(log.lines).anyMatch(l -> l.startsWith("INFO Built ") && l.contains("(1 post, 0 pages), 1 tag"));
        assertThat(log.lines).contains("INFO Open " + Path.of("target/site-output/index.html") + " in a browser.");
    }

    @Test
    void aFolderWithoutSiteYamlSuggestsTheArchetypeAndLateralNewNotTheCommandLineTool() {
        assertThatThrownBy(mojo()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("error: there is no site.yaml in")
                .hasMessageContaining("mvn archetype:generate -DarchetypeGroupId=org.lateral -DarchetypeArtifactId=lateral-site-archetype")
                .hasMessageContaining("mvn lateral:new -Dlateral.new=site")
                .hasMessageNotContaining("lateral new site");
    }

    @Test
    void aBrokenPostFailsWithItsFileLineAndColumnAndKeepsTheOldOutput() throws Exception {
        site();
        mojo().execute();
        byte[] before = Files.readAllBytes(project.resolve("target/site-output/index.html"));
        write("content/posts/teachmeet.md", "---\ntitle: TeachMeet\ndate: 31/02/2024\n---\n\nBody.\n");

        assertThatThrownBy(mojo()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("content/posts/teachmeet.md:3:")
                .hasMessageContaining(": error: ");
        assertThat(Files.readAllBytes(project.resolve("target/site-output/index.html"))).isEqualTo(before);
        assertThat(log.lines).anyMatch(l -> l.startsWith("ERROR content/posts/teachmeet.md:3:"));
    }
}
