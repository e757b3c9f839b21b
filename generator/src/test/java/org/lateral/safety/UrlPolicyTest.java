package org.lateral.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPolicyTest {

    private static final URI BASE = URI.create("https://blog.example/posts/a/");

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)  ",
            "java\tscript:alert(1)", "java\r\nscript:alert(1)", "\u0000javascript:alert(1)", "vbscript:x",
            "data:text/html,<script>", "file:///etc/passwd", "ftp://x.example/", "mailto:a@b.example",
            "//", "http://", "http:relative"})
    void refusesEverythingButWebAddresses(String raw) {
        assertThat(UrlPolicy.resolveWeb(raw, BASE)).isEmpty();
    }

    @Test
    void schemeOfSeesThroughPaddingCaseAndTabs() {
        assertThat(UrlPolicy.schemeOf(" Java\tScript:alert(1)")).contains("javascript");
        assertThat(UrlPolicy.schemeOf("FILE:///etc/passwd")).contains("file");
        assertThat(UrlPolicy.schemeOf("/relative/path")).isEmpty();
    }

    @Test
    void resolvesRelativeAddresses() {
        assertThat(UrlPolicy.resolveWeb("../b/", BASE)).contains(URI.create("https://blog.example/posts/b/"));
        assertThat(UrlPolicy.resolveWeb("/about", BASE)).contains(URI.create("https://blog.example/about"));
        assertThat(UrlPolicy.resolveWeb("//cdn.example/x.png", BASE)).contains(URI.create("https://cdn.example/x.png"));
        assertThat(UrlPolicy.resolveWeb("#notes", BASE)).contains(URI.create("https://blog.example/posts/a/#notes"));
        assertThat(UrlPolicy.resolveWeb("?page=2", URI.create("https://blog.example/list")))
                .contains(URI.create("https://blog.example/list?page=2"));
    }

    @Test
    void resolvesAgainstABaseWithoutPath() {
        assertThat(UrlPolicy.resolveWeb("x.png", URI.create("https://blog.example")))
                .contains(URI.create("https://blog.example/x.png"));
    }

    @Test
    void refusesRelativeAddressesWithoutBase() {
        assertThat(UrlPolicy.resolveWeb("/about", Optional.empty())).isEmpty();
        assertThat(UrlPolicy.parseWeb("about.html")).isEmpty();
    }

    @Test
    void encodesWhatUrisCannotHold() {
        assertThat(UrlPolicy.parseWeb("https://blog.example/my post/ä?q=a b|c"))
                .contains(URI.create("https://blog.example/my%20post/%C3%A4?q=a%20b%7Cc"));
        assertThat(UrlPolicy.parseWeb("https://blog.example/100%/")).contains(URI.create("https://blog.example/100%25/"));
    }

    @Test
    void acceptsInternationalHostNames() {
        assertThat(UrlPolicy.parseWeb("https://bücher.example/feed").map(URI::getHost)).contains("xn--bcher-kva.example");
    }

    @Test
    void lowerCasesTheScheme() {
        assertThat(UrlPolicy.parseWeb("HTTPS://Blog.Example/A")).contains(URI.create("https://Blog.Example/A"));
    }
}
