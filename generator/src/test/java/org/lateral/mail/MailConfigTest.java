package org.lateral.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;
import org.lateral.config.Yaml;

class MailConfigTest {

    final List<Problem> problems = new ArrayList<>();

    Optional<MailConfig> read(String yaml) throws Exception {
        return MailConfig.read(Optional.of(Yaml.parse(yaml, Path.of("site.yaml"), 1)), Path.of("site.yaml"), problems);
    }

    @Test
    void defaultsAreStarttlsOnPort587AndUnsubscribeToTheOrganiser() throws Exception {
        MailConfig m = read("host: smtp.school.example\nfrom: \"Cwm <organiser@school.example>\"\n").orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(m.port()).isEqualTo(587);
        assertThat(m.starttls()).isTrue();
        assertThat(m.unsubscribe()).isEqualTo(URI.create("mailto:organiser@school.example?subject=unsubscribe"));
        assertThat(m.deadline()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everyMistakeIsNamedAtItsLine() throws Exception {
        assertThat(read("host: smtp.school.example\nport: lots\nfrom: not an address\nuser: me\npassworEnv: X\n"
                + "unsubscribe: ftp://x\n")).isEmpty();
        assertThat(problems).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:2:7: error: the mail port must be a number"))
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:3:7: error: the from address \"not an address\""))
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:4:7: error: mail: names a user but not where its password is"))
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:5:1: error: unknown setting \"passworEnv\" in mail;"
                        + " did you mean `passwordEnv`?"))
                .anySatisfy(p -> assertThat(p).startsWith("site.yaml:6:14: error: unsubscribe \"ftp://x\""));
    }

    @Test
    void aPasswordInTheFileIsRefusedSayingWhy() throws Exception {
        assertThat(read("host: h\nfrom: a@b.example\nuser: a\npassword: hunter2\n")).isEmpty();
        assertThat(problems).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .startsWith("site.yaml:4:1: error: the SMTP password must not be written in site.yaml")
                .doesNotContain("hunter2"));
    }
}
