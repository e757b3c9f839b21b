package org.lateral.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionTest {

    @TempDir
    Path hub;

    @Test
    void idsAreTheSitesSlugsInAnyLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            assertThat(Subscription.slug("INSET Day — Çağrı")).isEqualTo("inset-day-cagrı");
            assertThat(Subscription.of("INSET Day", new FeedLocation.Local(hub.resolve("a.xml"))).id())
                    .isEqualTo("inset-day");
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(Subscription.slug("名前")).isEqualTo("名前");
        assertThat(Subscription.slug("!!!")).isEqualTo("member");
        assertThat(Subscription.slug("x".repeat(100))).hasSize(60);
    }

    @Test
    void namesAndTopicsArePlainText() {
        Subscription member = Subscription.of("  Ann\u0000 \u202ETeacher ", new FeedLocation.Local(hub.resolve("a.xml")))
                .withTopics(List.of("maths", " maths ", "", "oracy"));

        assertThat(member.name()).isEqualTo("Ann Teacher");
        assertThat(member.topics()).containsExactly("maths", "oracy");
    }

    @Test
    void siteAndAvatarMustBeWebAddresses() {
        Subscription member = Subscription.of("Ann", new FeedLocation.Local(hub.resolve("a.xml")));

        assertThatThrownBy(() -> member.withSite(URI.create("javascript:alert(1)")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(member.withAvatar(URI.create("https://ann.example/me.png")).avatar()).isPresent();
    }

    @Test
    void feedLocationsAreWebAddressesOrLocalFiles() {
        assertThat(FeedLocation.parse("https://ann.example/feed.xml", hub)).isInstanceOf(FeedLocation.Remote.class);
        assertThat(FeedLocation.parse("feeds/ann.xml", hub))
                .isEqualTo(new FeedLocation.Local(hub.resolve("feeds/ann.xml")));
        assertThat(FeedLocation.parse(hub.resolve("b.xml").toUri().toString(), hub))
                .isEqualTo(new FeedLocation.Local(hub.resolve("b.xml")));
        assertThatThrownBy(() -> FeedLocation.parse("ftp://x.example/feed", hub))
                .hasMessageContaining("\"ftp:\"").hasMessageContaining("http or https");
        assertThatThrownBy(() -> FeedLocation.parse("  ", hub)).hasMessage("the feed address is empty");
    }

    @Test
    void aLocalFeedIsShownWithoutTheServersFolders() {
        java.nio.file.Path outside = java.nio.file.Path.of("/srv/hubs/cwm/members/ann/feed.xml");
        assertThat(new FeedLocation.Local(outside).display()).isEqualTo("…/ann/feed.xml");
        assertThat(FeedLocation.parse("../ann/target/site-output/feed.xml", java.nio.file.Path.of("/srv/hubs/cwm")).display())
                .isEqualTo("../ann/target/site-output/feed.xml");
        assertThat(FeedLocation.parse("file:///srv/hubs/ann/feed.xml", java.nio.file.Path.of("/srv")).display())
                .isEqualTo("…/ann/feed.xml");
    }
}
