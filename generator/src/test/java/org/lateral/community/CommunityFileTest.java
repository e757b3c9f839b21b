package org.lateral.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommunityFileTest {

    static final java.util.function.Predicate<URI> ANN = u -> "ann.example".equals(u.getHost());

    @Test
    void whatASiteWritesAHubReadsBack() {
        CommunityData data = new CommunityData("Ann", URI.create("https://ann.example/"), Instant.parse("2030-03-10T09:00:00Z"),
                Optional.of(URI.create("https://ann.example/swap-shop/")),
                List.of(new CommunityData.Item("Oracy", URI.create("https://ann.example/oracy/"), List.of("oracy"),
                        Optional.of(LocalDate.of(2030, 7, 20)), Optional.of("primary"), Optional.of("online"),
                        Optional.of(Instant.parse("2030-03-01T10:00:00Z")))),
                List.of(), Optional.of(new CommunityData.Profile(URI.create("https://ann.example/swap-shop/#mentoring"),
                        List.of("behaviour"), List.of(), Optional.of("secondary"), Optional.empty())));
        CommunityFile.Read read = CommunityFile.read(CommunityFile.write(data), ANN);
        assertThat(read.problems()).isEmpty();
        assertThat(read.data()).contains(data);
    }

    @Test
    void textIsCleanedAndCut() {
        String json = "{\"version\":1,\"site\":\"https://ann.example/\",\"offers\":[{\"title\":\"a\\u0000b\\u202Ec "
                + "x".repeat(300) + "\",\"url\":\"https://ann.example/p/\",\"topics\":[\"t\",\"T\",5]}]}";
        CommunityData d = CommunityFile.read(json.getBytes(StandardCharsets.UTF_8), ANN).data().orElseThrow();
        String title = d.offers().get(0).title();
        assertThat(title).startsWith("a b c x").hasSize(CommunityFile.MAX_TEXT + 1).endsWith("…");
        assertThat(d.offers().get(0).topics()).containsExactly("t", "5"); // "T" is "t" again
    }

    @Test
    void aFileThatIsNotVersionOneJsonIsRefusedWhole() {
        assertThat(CommunityFile.read("[]".getBytes(StandardCharsets.UTF_8), ANN).problems())
                .containsExactly("the community file was not read: it is not a JSON object");
        assertThat(CommunityFile.read("{\"version\":2}".getBytes(StandardCharsets.UTF_8), ANN).problems())
                .containsExactly("the community file was not read: its version is 2, and this hub reads version 1");
        assertThat(CommunityFile.read("{\"version\":1,\"site\":\"https://evil.example/\"}".getBytes(StandardCharsets.UTF_8),
                ANN).data()).isEmpty();
        assertThat(CommunityFile.read("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".repeat(10).getBytes(StandardCharsets.UTF_8), ANN)
                .data()).isEmpty();
    }

    @Test
    void linksOffTheMembersHostsOrNotWebAreLeftOut() {
        String json = """
                {"version":1,"site":"https://ann.example/","offers":[
                 {"title":"ok","url":"https://ann.example/ok/","topics":["t"]},
                 {"title":"off","url":"https://evil.example/","topics":["t"]},
                 {"title":"js","url":"javascript:alert(1)","topics":["t"]},
                 {"title":"user","url":"https://me@ann.example/","topics":["t"]}]}""";
        CommunityFile.Read read = CommunityFile.read(json.getBytes(StandardCharsets.UTF_8), ANN);
        assertThat(read.data().orElseThrow().offers()).extracting(CommunityData.Item::title).containsExactly("ok");
        assertThat(read.problems()).hasSize(3);
    }
}
