package org.lateral.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lateral.LateralException;
import org.junit.jupiter.api.Test;

class ExportXmlTest {

    static final Path FILE = Path.of("blog.wordpress.xml");

    static List<XmlNode> items(String xml) {
        List<XmlNode> out = new ArrayList<>();
        ExportXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), FILE, out::add);
        return out;
    }

    @Test
    void htmlNamedEntitiesOutsideCdataAreTheCharactersTheyStandFor() {
        // Plugins and hand-edited exports write HTML entities where XML knows only five
        List<XmlNode> items = items("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Sian&rsquo;s blog</title>
                <item><title>Caf&eacute;&nbsp;TeachMeet &amp; more &#8211; &hellip;</title></item>
                </channel></rss>
                """);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).raw("", "title")).isEqualTo("Café\u00a0TeachMeet & more – …");
    }

    @Test
    void anEntityNoOneDefinesIsStillRefusedAtItsLine() {
        assertThatThrownBy(() -> items("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel>
                <item><title>Odd &madeup; thing</title></item>
                </channel></rss>
                """)).isInstanceOf(LateralException.class)
                .satisfies(e -> {
                    var p = ((LateralException) e).problems().get(0);
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("&madeup;");
                });
    }
}
