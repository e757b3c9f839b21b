package org.lateral.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.maven.AbstractLateralMojoTest.RecordingLog;

class NewMojoTest {

    @TempDir
    Path root;

    private NewMojo mojo(String what, String title, Path site) {
        NewMojo mojo = new NewMojo();
        mojo.what = what;
        mojo.title = title;
        mojo.siteDir = site.toFile();
        mojo.executionRoot = root.toFile();
        mojo.setLog(new RecordingLog());
        return mojo;
    }

    @Test
    void createsAStarterSiteAndThenAPostInIt() throws Exception {
        Path site = root.resolve("my-cpd-blog");

        mojo("site", null, site).execute();
        mojo("post", "Learning walk", site).execute();

        assertThat(Files.readString(site.resolve("site.yaml"))).contains("My CPD journal");
        assertThat(site.resolve("content/posts/learning-walk.md")).isRegularFile();
    }

    @Test
    void aPostWithoutATitleIsTheUsersMistakeAndSaysHowToFixIt() {
        assertThatThrownBy(mojo("post", " ", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dlateral.title=");
    }

    @Test
    void somethingOtherThanASiteOrAPostIsRefused() {
        assertThatThrownBy(mojo("blog", "x", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("-Dlateral.new=post or -Dlateral.new=site");
    }

    @Test
    void aPostOutsideASiteIsAProblemInTheUsersInput() {
        assertThatThrownBy(mojo("post", "Learning walk", root)::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("error: there is no site.yaml in");
    }
}
