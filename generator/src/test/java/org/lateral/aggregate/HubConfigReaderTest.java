package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;
import org.lateral.testing.TestSites;

class HubConfigReaderTest {

    static final URI HUB = URI.create("https://hub.example/");

    @TempDir
    Path dir;

    final List<Problem> warnings = new ArrayList<>();

    HubConfig read(String yaml) {
        YamlNode root = Yaml.parse(yaml, Path.of("site.yaml"), 1);
        return HubConfigReader.read(root.get("hub"), dir, Path.of("site.yaml"), dir.resolve("public"), HUB, warnings);
    }

    List<String> errors(String yaml) {
        try {
            read(yaml);
        } catch (LateralException e) {
            return e.problems().stream().map(Problem::format).toList();
        }
        throw new AssertionError("expected problems in " + yaml);
    }

    @Test
    void fewerMembersKeepTheirCalendarsAndCommunityFiles() {
        HubConfig hub = read("""
                hub:
                  members:
                    - { name: Ann, feed: https://ann.example/feed.xml, community: https://ann.example/c.json,
                        calendar: https://ann.example/cal.ics }
                    - { name: Bob, feed: https://bob.example/feed.xml }
                """);
        HubConfig fewer = hub.withSubscriptions(hub.subscriptions().subList(0, 1));
        assertThat(fewer.communities()).isEqualTo(hub.communities()).containsKey("ann");
        assertThat(fewer.calendars()).isEqualTo(hub.calendars());
    }

    @Test
    void readsMembersWithEveryOptionalField() {
        HubConfig hub = read("""
                hub:
                  members:
                    - name: Ann Teacher
                      feed: https://ann.example/feed.xml
                      site: https://ann.example/
                      avatar: https://ann.example/me.png
                      licence: CC BY 4.0
                      excerptOnly: true
                      topics: [maths, oracy]
                    - { name: Bob, feed: feeds/bob.xml, id: bob-s, feedUrl: "https://bob.example/feed.xml" }
                """);
        Subscription ann = hub.subscriptions().get(0);
        assertThat(ann.id()).isEqualTo("ann-teacher");
        assertThat(ann.feed()).isEqualTo(new FeedLocation.Remote(URI.create("https://ann.example/feed.xml")));
        assertThat(ann.site()).contains(URI.create("https://ann.example/"));
        assertThat(ann.avatar()).contains(URI.create("https://ann.example/me.png"));
        assertThat(ann.licence()).contains("CC BY 4.0");
        assertThat(ann.excerptOnly()).isTrue();
        assertThat(ann.topics()).containsExactly("maths", "oracy");
        Subscription bob = hub.subscriptions().get(1);
        assertThat(bob.id()).isEqualTo("bob-s");
        assertThat(bob.feed()).isEqualTo(new FeedLocation.Local(dir.resolve("feeds/bob.xml")));
        assertThat(hub.publicFeed(bob)).contains(URI.create("https://bob.example/feed.xml"));
        assertThat(hub.blogroll()).extracting(s -> s.feed().uri().toString())
                .containsExactly("https://ann.example/feed.xml", "https://bob.example/feed.xml");
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        HubConfig hub = read("hub:\n  members: [ { name: A, feed: a.xml } ]\n");
        HubSettings s = hub.settings();
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxFeedSize()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.concurrency()).isEqualTo(16);
        assertThat(s.cacheDir()).isEqualTo(dir.resolve(".lateral-cache"));
        assertThat(s.userAgent()).startsWith("Lateral/").endsWith("; +https://hub.example/)");
        assertThat(hub.perMemberCap()).isEqualTo(3);
        assertThat(hub.riverPages()).isEqualTo(50);
    }

    @Test
    void sizesAndTimesAreReadWithOrWithoutUnits() {
        HubConfig a = read("hub:\n  members: [ { name: A, feed: a.xml } ]\n  maxFeedSize: 5 MB\n  timeout: 2.5\n");
        assertThat(a.settings().maxFeedSize()).isEqualTo(5L * 1024 * 1024);
        assertThat(a.settings().timeout()).isEqualTo(Duration.ofMillis(2500));
        HubConfig b = read("hub:\n  members: [ { name: A, feed: a.xml } ]\n  maxFeedSize: 2097152\n  timeout: 500 ms\n"
                + "  concurrency: 4\n  userAgent: Cwm hub (+https://hub.example/)\n  cache: ../cache\n  perMemberCap: 5\n"
                + "  riverPages: 0\n");
        assertThat(b.settings().maxFeedSize()).isEqualTo(2L * 1024 * 1024);
        assertThat(b.settings().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(b.settings().concurrency()).isEqualTo(4);
        assertThat(b.settings().userAgent()).isEqualTo("Cwm hub (+https://hub.example/)");
        assertThat(b.settings().cacheDir()).isEqualTo(dir.getParent().resolve("cache"));
        assertThat(b.perMemberCap()).isEqualTo(5);
        assertThat(b.riverPages()).isZero();
        assertThat(read("hub:\n  members: [ { name: A, feed: a.xml } ]\n  maxFeedSize: 512kb\n").settings().maxFeedSize())
                .isEqualTo(512L * 1024);
    }

    @Test
    void typosAreErrorsWithTheirPositionAndASuggestion() {
        assertThat(errors("""
                hub:
                  timout: 5
                  members:
                    - { name: A, feed: a.xml, licnce: CC BY }
                    - { name: B, feed: b.xml, excerpt-only: true }
                """)).containsExactly(
                "site.yaml:2:3: error: unknown setting \"timout\" in hub; did you mean `timeout`? — fix: rename it to timeout",
                "site.yaml:4:31: error: unknown setting \"licnce\" in a member; did you mean `licence`? — fix: rename it to licence",
                "site.yaml:5:31: error: unknown setting \"excerpt-only\" in a member; did you mean `excerptOnly`? — fix: rename it to excerptOnly");
    }

    @Test
    void wrongValuesPointAtTheValue() {
        List<String> errors = errors("""
                hub:
                  timeout: soon
                  maxFeedSize: huge
                  concurrency: 0
                  members:
                    - { name: A, feed: "ftp://a.example/feed" }
                    - { feed: b.xml }
                    - { name: C }
                    - { name: D, feed: d.xml, site: "javascript:alert(1)" }
                """);
        assertThat(errors).containsExactly(
                "site.yaml:6:24: error: \"ftp://a.example/feed\" uses \"ftp:\"; a feed must be an http or https address or a local file — fix: write the feed's https:// address, or a path to a feed file",
                "site.yaml:7:7: error: a member has no name — fix: add name: with the member's name as the hub should show it",
                "site.yaml:8:7: error: the member \"C\" has no feed — fix: add feed: with the address of their RSS or Atom feed (or a path to a feed file)",
                "site.yaml:9:37: error: site \"javascript:alert(1)\" is not a web address — fix: write the full address, starting with https://",
                "site.yaml:2:12: error: timeout must be a number of seconds from 0.001 to 600, not \"soon\" — fix: write it as, e.g., timeout: 10 (seconds) or timeout: 500 ms",
                "site.yaml:3:16: error: maxFeedSize must be a size from 1 KB to 1 GB, not \"huge\" — fix: write it in bytes or with a unit, e.g. maxFeedSize: 5 MB",
                "site.yaml:4:16: error: concurrency must be a whole number from 1 to 256, not \"0\" — fix: write it as, e.g., concurrency: 16");
    }

    @Test
    void twoMembersWithOneIdAreAnError() {
        assertThat(errors("hub:\n  members:\n    - { name: Ann Teacher, feed: a.xml }\n    - { name: ann teacher, feed: b.xml }\n"))
                .containsExactly("site.yaml:4:15: error: two members have the id \"ann-teacher\" (the first is on line 3)"
                        + " — fix: give this member another name, or an id: of its own");
    }

    @Test
    void aHubWithoutMembersOrWithoutAHubSectionSaysWhatToAdd() {
        assertThat(errors("hub:\n  timeout: 5\n")).singleElement().asString()
                .startsWith("site.yaml:2:3: error: the hub has no members — fix: list them under members:");
        assertThatThrownBy(() -> HubConfigReader.read(Optional.empty(), dir, Path.of("site.yaml"), dir.resolve("public"),
                HUB, warnings)).isInstanceOf(LateralException.class).hasMessageContaining("site.yaml has no hub: section");
    }

    @Test
    void theCacheMustStayOutOfTheOutput() {
        assertThat(errors("hub:\n  members: [ { name: A, feed: a.xml } ]\n  cache: public/cache\n")).singleElement().asString()
                .startsWith("site.yaml:3:10: error: the hub's cache folder ").contains("is inside the output folder");
        assertThat(errors("hub:\n  members: [ { name: A, feed: a.xml } ]\n  cache: .\n")).singleElement().asString()
                .contains("is the hub's own folder");
    }

    @Test
    void anOpmlFileAddsItsMembersAfterThoseListedOnceEach() {
        TestSites.write(dir.resolve("members.opml"), """
                <opml version="2.0"><head><title>Network</title></head><body>
                  <outline text="Maths">
                    <outline text="Ann Teacher" xmlUrl="https://ann.example/feed.xml"/>
                    <outline text="Cat" xmlUrl="https://cat.example/feed.xml" htmlUrl="https://cat.example/"/>
                  </outline>
                  <outline text="Research">
                    <outline text="Cat" xmlUrl="https://cat.example/feed.xml"/>
                  </outline>
                  <outline text="Broken" xmlUrl="gopher://x"/>
                </body></opml>
                """);
        HubConfig hub = read("""
                hub:
                  opml: members.opml
                  members:
                    - { name: Ann Teacher, feed: "https://ann.example/feed.xml" }
                    - { name: Cat, feed: cat.xml }
                """);
        assertThat(hub.opmlTitle()).isEqualTo("Network");
        assertThat(hub.subscriptions()).extracting(Subscription::id).containsExactly("ann-teacher", "cat", "cat-2");
        assertThat(hub.subscriptions().get(2).topics()).containsExactly("Maths", "Research");
        assertThat(warnings).extracting(Problem::format).anyMatch(w -> w.contains("\"Ann Teacher\" is listed both in members: and in members.opml"))
                .anyMatch(w -> w.startsWith("members.opml:9:") && w.contains("skipped an outline"));
    }

    @Test
    void aBrokenOrMissingOpmlFileIsAnErrorWithItsPosition() {
        assertThat(errors("hub:\n  opml: missing.opml\n")).singleElement().asString()
                .startsWith("site.yaml:2:9: error: the OPML file does not exist (missing.opml)");
        TestSites.write(dir.resolve("bad.opml"), "<opml>\n<body>\n<outline text=\"x\">\n</body></opml>\n");
        assertThat(errors("hub:\n  opml: bad.opml\n")).singleElement().asString()
                .startsWith("bad.opml:4:").contains("the OPML file is not well-formed XML");
    }

    @Test
    void aFeedAddressWithoutHttpsIsAPositionedErrorNotAMissingFile() {
        List<String> errors = errors("""
                hub:
                  members:
                    - { name: Ann, feed: example.org/feed.xml }
                    - { name: Bob, feed: www.x.org/feed }
                    - { name: Cy, feed: feeds/cy.xml }
                """);

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).startsWith("site.yaml:3:").contains("looks like a web address without https://")
                .contains("fix: write the whole address: feed: https://example.org/feed.xml");
        assertThat(errors.get(1)).startsWith("site.yaml:4:").contains("feed: https://www.x.org/feed");
    }

    @Test
    void aLocalFeedOutsideTheHubsFolderIsRefused() {
        List<String> errors = errors("""
                hub:
                  members:
                    - { name: Ann, feed: ../../etc/passwd }
                    - { name: Bob, feed: /etc/shadow }
                    - { name: Cy, feed: "file:///etc/hosts" }
                """);

        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).contains("is outside the hub's folder")
                .contains("fix: copy the feed file into the hub's folder, or give the member's https:// feed address"));
    }

    @Test
    void aLocalFeedBesideTheHubNamesTheProjectFolderThatWouldAllowIt() {
        YamlNode root = Yaml.parse("hub:\n  members: [ { name: Ann, feed: ../blog/target/feed.xml } ]\n",
                Path.of("site.yaml"), 1);
        Path hubDir = dir.resolve("network/hub");
        LateralException e = org.assertj.core.api.Assertions.catchThrowableOfType(LateralException.class,
                () -> HubConfigReader.read(root.get("hub"), hubDir, Path.of("site.yaml"), hubDir.resolve("public"),
                        URI.create("https://hub.example/"), new ArrayList<>(), hubDir,
                        org.lateral.safety.AddressPolicy.publicOnly()));
        assertThat(e.problems()).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .contains("is outside the hub's folder")
                .contains("or let the hub read files in a folder around both: lateral aggregate --project-dir "
                        + dir.resolve("network").toAbsolutePath().normalize()));
    }

    @Test
    void aLocalFeedInTheProjectAroundTheHubIsAllowedWhenTheProjectIsGiven() {
        YamlNode root = Yaml.parse("hub:\n  members: [ { name: Ann, feed: ../blog/feed.xml } ]\n", Path.of("site.yaml"), 1);
        Path hubDir = dir.resolve("hub");

        HubConfig hub = HubConfigReader.read(root.get("hub"), hubDir, Path.of("site.yaml"), hubDir.resolve("public"),
                HUB, warnings, dir, org.lateral.safety.AddressPolicy.publicOnly());

        assertThat(hub.subscriptions().get(0).feed()).isEqualTo(new FeedLocation.Local(dir.resolve("blog/feed.xml")));
    }

    @Test
    void feedAndRunDeadlinesAreRead() {
        HubConfig hub = read("hub:\n  members: [ { name: A, feed: a.xml } ]\n  feedDeadline: 20\n  runDeadline: 3600\n");

        assertThat(hub.settings().feedDeadline()).isEqualTo(Duration.ofSeconds(20));
        assertThat(hub.settings().runDeadline()).isEqualTo(Duration.ofHours(1));
        assertThat(read("hub:\n  members: [ { name: A, feed: a.xml } ]\n").settings().feedDeadline())
                .isEqualTo(HubSettings.DEFAULT_FEED_DEADLINE);
    }
}
