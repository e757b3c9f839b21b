package org.lateral.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class GitCredentialsTest {

    @Test
    void theTokenAndAnyPasswordInTheAddressAreTakenOutOfMessages() {
        GitCredentials c = new GitCredentials(Map.of("LATERAL_GIT_TOKEN", "glpat-abcdef123456"),
                "https://rees:hunter22@gitlab.example/rees/cpd.git");

        String redacted = c.redact("https://rees:hunter22@gitlab.example/rees/cpd.git: not authorized"
                + " (token glpat-abcdef123456)");

        assertThat(redacted).isEqualTo("https://gitlab.example/rees/cpd.git: not authorized (token ****)");
        assertThat(GitCredentials.withoutUserInfo("see ssh://git@host/x and https://u@h/y"))
                .isEqualTo("see ssh://host/x and https://h/y");
    }

    @Test
    void theTokenIsOfferedWithTheUserNameGitHubExpects() throws Exception {
        GitCredentials c = new GitCredentials(Map.of("GITHUB_TOKEN", " ghs_xyz "), "https://github.com/r/c.git");
        CredentialItem.Username user = new CredentialItem.Username();
        CredentialItem.Password password = new CredentialItem.Password();

        assertThat(c.hasToken()).isTrue();
        assertThat(c.provider().get(new URIish("https://github.com/r/c.git"), user, password)).isTrue();
        assertThat(user.getValue()).isEqualTo("x-access-token");
        assertThat(new String(password.getValue())).isEqualTo("ghs_xyz");

        GitCredentials lab = new GitCredentials(Map.of("LATERAL_GIT_TOKEN", "t0ken", "LATERAL_GIT_USER", "oauth2"), "x");
        CredentialItem.Username labUser = new CredentialItem.Username();
        lab.provider().get(new URIish("https://gitlab.com/r/c.git"), labUser, new CredentialItem.Password());
        assertThat(labUser.getValue()).isEqualTo("oauth2");
        assertThat(new GitCredentials(Map.of(), "x").hasToken()).isFalse();
    }
}
