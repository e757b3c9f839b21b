package org.lateral.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;

class SwapParserTest {

    static final Path FILE = Path.of("content/posts/a.md");
    final List<Problem> problems = new ArrayList<>();

    Optional<Swap> read(String yaml, List<String> tags) throws Exception {
        YamlNode root = Yaml.parse(yaml, FILE, 2);
        return SwapParser.read(root, tags, FILE, problems);
    }

    @Test
    void aRequestWithEveryField() throws Exception {
        Swap s = read("request:\n  topics: [retrieval practice, questioning]\n  until: 2030-07-20\n  phase: FE\n"
                + "  format: Online\n", List.of()).orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(s.isOffer()).isFalse();
        assertThat(s.topics()).containsExactly("retrieval practice", "questioning");
        assertThat(s.until()).contains(LocalDate.of(2030, 7, 20));
        assertThat(s.phase()).contains("fe");
        assertThat(s.format()).contains("online");
        assertThat(s.openOn(LocalDate.of(2030, 7, 20))).isTrue();
        assertThat(s.openOn(LocalDate.of(2030, 7, 21))).isFalse();
    }

    @Test
    void withoutTopicsThePostsTagsAreUsed() throws Exception {
        assertThat(read("offer: { until: 2030-01-01 }\n", List.of("oracy")).orElseThrow().topics()).containsExactly("oracy");
        assertThat(read("offer: { phase: primary }\n", List.of())).isEmpty();
        assertThat(problems).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .contains("the offer names no topics, and the post has no tags to use instead"));
    }

    @Test
    void aTypoInTheBlockIsNamedWithTheNearestSetting() throws Exception {
        assertThat(read("offer:\n  topic: [oracy]\n  formt: online\n", List.of("x"))).isEmpty();
        assertThat(problems).extracting(Problem::format)
                .anySatisfy(p -> assertThat(p).startsWith("content/posts/a.md:3:3: error: offer: has no setting \"topic\";"
                        .replace("/", java.io.File.separator)).contains("did you mean `topics`?"))
                .anySatisfy(p -> assertThat(p).contains("\"formt\"; did you mean `format`?"));
    }

    @Test
    void aSingleValueIsNotABlock() throws Exception {
        assertThat(read("offer: oracy\n", List.of())).isEmpty();
        assertThat(problems).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .contains("offer: must hold settings such as topics: and until:, not a single value"));
    }
}
