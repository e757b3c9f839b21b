package org.lateral.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SiteHandlerTest {

    @Test
    void theLiveScriptGoesBeforeTheLastBodyEndAndCarriesTheSitePathAndBuild() {
        String page = "<html><body><p>x</p><script>let s = '</body>';</script></body></html>";
        String out = new String(SiteHandler.inject(page.getBytes(StandardCharsets.UTF_8), "/journal/", 7),
                StandardCharsets.UTF_8);
        assertThat(out).endsWith("<script src=\"/journal/_lateral/live.js\" data-base=\"/journal/\" data-build=\"7\">"
                + "</script></body></html>");
        assertThat(new String(SiteHandler.inject("<p>no body".getBytes(StandardCharsets.UTF_8), "/", 1),
                StandardCharsets.UTF_8)).startsWith("<p>no body<script src=\"/_lateral/live.js\"");
    }

    @Test
    void addressesAndTypes() {
        assertThat(PreviewServer.url("/journal/", "index.html")).isEqualTo("/journal/");
        assertThat(PreviewServer.url("/journal/", "2024/01/a/index.html")).isEqualTo("/journal/2024/01/a/");
        assertThat(PreviewServer.url("/", "404.html")).isEqualTo("/404.html");
        assertThat(SiteHandler.type("a.CSS")).startsWith("text/css");
        assertThat(SiteHandler.type("index.xml")).isEqualTo("application/xml");
        assertThat(SiteHandler.type("noext")).isEqualTo("application/octet-stream");
        assertThat(Json.string("a\"b</script>\n")).isEqualTo("\"a\\\"b\\u003c/script\\u003e\\n\"");
        assertThat(BrowserOpener.command("Linux", URI.create("http://127.0.0.1:1/"))).first().isEqualTo("xdg-open");
        assertThat(BrowserOpener.command("Mac OS X", URI.create("http://127.0.0.1:1/"))).first().isEqualTo("open");
        assertThat(BrowserOpener.command("Windows 11", URI.create("http://127.0.0.1:1/"))).first().isEqualTo("rundll32");
    }
}
