package org.lateral.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YamlLinesTest {

    private static final Path FILE = Path.of("site.yaml");

    private static YamlLines.Checked check(String yaml) {
        return YamlLines.check(yaml, 1, FILE, Set.of("title", "summary", "tags"), Set.of("tags"));
    }

    @Test
    void aListBeforeAnyKeyIsHandedOnForTheYamlParserToReport() {
        // found by BuildFuzzTest: an item with no key above it once threw a NullPointerException
        String yaml = "- ti\n- [a, b]\n- { c: d }\ntitle: x\n";
        assertThat(YamlLines.check(yaml, 2, FILE, Set.of("title"), Set.of("tags")).yaml()).isEqualTo(yaml);
    }

    @Test
    void validYamlIsHandedOnUnchanged() {
        String yaml = """
                # a comment
                title: C# for teachers
                hub:
                  members:
                    - name: Aisha
                      feed: https://a.example/feed.xml   # her Atom feed
                    - { name: Ben, feed: "https://b.example/rss" }
                  nested:
                    - a:
                      - b
                    - c
                summary: >
                  folded text #x
                    and more: here
                quote: "a value going on
                  over two lines"
                tags:
                  - oracy
                  - questioning
                list: [a,
                  b]
                date: 2024-06-05    # a date
                """;
        YamlLines.Checked checked = check(yaml);
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.yaml()).isEqualTo(yaml);
    }

    @Test
    void hashtagValuesAreQuotedKeepingLinesAndColumns() {
        YamlLines.Checked checked = check("title: Reflections on #TMNorth\ntags: #oracy, it's #TMNorth\n");
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.yaml()).isEqualTo("title: 'Reflections on #TMNorth'\ntags: '#oracy, it''s #TMNorth'\n");
        assertThat(Yaml.parse(checked.yaml(), FILE, 1).get("title").get().column()).isEqualTo(8);
    }

    @Test
    void hashtagRule() {
        assertThat(YamlLines.plain("on #TMNorth")).isEqualTo(new YamlLines.Plain("on #TMNorth", null, true));
        assertThat(YamlLines.plain("#1 tip")).isEqualTo(new YamlLines.Plain("#1 tip", null, true));
        assertThat(YamlLines.plain("on  #TMNorth")).isEqualTo(new YamlLines.Plain("on", "#TMNorth", false));
        assertThat(YamlLines.plain("on # note")).isEqualTo(new YamlLines.Plain("on", "# note", false));
        assertThat(YamlLines.plain("C#, F#")).isEqualTo(new YamlLines.Plain("C#, F#", null, false));
        assertThat(YamlLines.plain("Ysgol #Cymraeg #ŵyl")).extracting(YamlLines.Plain::hashtag).isEqualTo(true);
    }

    @Test
    void aBlankedOrReindentedLineKeepsTheLineCount() {
        YamlLines.Checked checked = check("title: \"A\nsummary: x\n tags: y\ntitle: B\n");
        assertThat(checked.problems()).extracting(p -> p.line()).containsExactly(1, 3, 4);
        assertThat(checked.yaml().split("\n", -1)).hasSize(5);
    }
}
