package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.testing.TestSites;

/** site.yaml's {@code publish:} section: read, and every mistake named at its line. */
class PublishSettingsTest {

    @TempDir
    Path tmp;

    private SiteConfig load(String publish) {
        TestSites.write(tmp.resolve("site.yaml"), "title: T\nbaseUrl: https://example.org/\n" + publish);
        return SiteConfigLoader.load(tmp, new ArrayList<>());
    }

    private List<String> errors(String publish) {
        return catchThrowableOfType(LateralException.class, () -> load(publish)).problems().stream()
                .map(Problem::format).toList();
    }

    @Test
    void readsEverySetting() {
        PublishConfig p = load("""
                publish:
                  to: https://github.com/rees/cpd.git
                  branch: pages
                  cname: cpd.rees.example
                  message: Publish my journal
                  websub: [https://hub.example/, https://other.example/hub]
                  webmentions: true
                """).publish();
        assertThat(p.to()).contains("https://github.com/rees/cpd.git");
        assertThat(p.toLine()).isEqualTo(4);
        assertThat(p.toColumn()).isEqualTo(7);
        assertThat(p.branch()).isEqualTo("pages");
        assertThat(p.cname()).contains("cpd.rees.example");
        assertThat(p.message()).contains("Publish my journal");
        assertThat(p.websub()).containsExactly("https://hub.example/", "https://other.example/hub");
        assertThat(p.webmentions()).isTrue();
    }

    @Test
    void withoutASectionNothingIsSetAndTheBranchIsGhPages() {
        PublishConfig p = load("").publish();
        assertThat(p).isEqualTo(PublishConfig.NONE);
        assertThat(p.branch()).isEqualTo("gh-pages");
        assertThat(p.to()).isEqualTo(Optional.empty());
    }

    @Test
    void mistakesArePositionedWithAFix() {
        assertThat(errors("""
                publish:
                  to: ftp://files.example/cpd
                  brnach: gh-pages
                  cname: https://cpd.rees.example/
                  websub: [not a hub]
                  webmentions: yes please
                """)).containsExactly(
                "site.yaml:5:3: error: publish has no setting \"brnach\" — fix: did you mean `branch`?",
                "site.yaml:4:7: error: publish.to \"ftp://files.example/cpd\" is neither a git remote nor a folder"
                        + " — fix: write a git address (https://github.com/you/blog.git, git@github.com:you/blog.git)"
                        + " or a folder, e.g. to: /var/www/cpd",
                "site.yaml:6:10: error: cname \"https://cpd.rees.example/\" is not a domain name — fix: write only"
                        + " the domain the site is served at, without https:// or a path, e.g. cname: cpd.my-school.example",
                "site.yaml:7:12: error: websub must list the web addresses of WebSub hubs; \"not a hub\" is not one"
                        + " — fix: write each hub's full address, e.g. websub: [https://websub.example/]",
                "site.yaml:8:16: error: webmentions must be true or false, not \"yes please\" — fix: write"
                        + " webmentions: true or webmentions: false");
    }

    @Test
    void aBranchNameGitCannotHaveIsAnError() {
        assertThat(errors("publish:\n  branch: my pages\n")).containsExactly(
                "site.yaml:4:11: error: \"my pages\" cannot be the name of a git branch — fix: use a name without"
                        + " spaces or any of ~ ^ : ? * [ \\ .., such as gh-pages");
    }

    @Test
    void publishIsNotATypoOfAnotherSetting() {
        assertThat(load("publish:\n  to: ../www\n").params()).doesNotContainKey("publish");
    }
}
