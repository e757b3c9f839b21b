package org.lateral.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds what could run in a reader's browser: script elements (other than JSON-LD data), event
 * handler attributes, {@code javascript:}/{@code vbscript:}/{@code data:} addresses, iframes,
 * objects, embeds, forms, {@code base} and {@code meta refresh}. Pages are parsed as HTML; feeds as
 * XML, with the HTML inside each entry parsed again; JSON Feed's {@code content_html} likewise.
 */
public final class ActiveContent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ActiveContent() {
    }

    /** Every finding in every HTML, XML, OPML and JSON file of an output folder, as {@code file: what}. */
    public static List<String> in(Path output) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                String rel = output.relativize(f).toString();
                String text = Files.readString(f);
                if (name.endsWith(".html")) {
                    scan(Jsoup.parse(text), rel, found);
                } else if (name.endsWith(".xml") || name.endsWith(".opml")) {
                    Document xml = Jsoup.parse(text, "", Parser.xmlParser());
                    for (Element e : xml.getAllElements()) {
                        attributes(e, rel + " <" + e.tagName() + ">", found);
                        if (e.children().isEmpty() && !e.text().isBlank()) {
                            scan(Jsoup.parseBodyFragment(e.text()), rel + " <" + e.tagName() + "> content", found);
                        }
                    }
                } else if (name.endsWith(".json")) {
                    for (JsonNode item : JSON.readTree(text).path("items")) {
                        scan(Jsoup.parseBodyFragment(item.path("content_html").asText()), rel + " content_html", found);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static void scan(Document d, String where, List<String> found) {
        for (Element e : d.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script") && !e.attr("type").equals("application/ld+json")) {
                found.add(where + ": <script>");
            }
            if (List.of("iframe", "object", "embed", "form", "base", "frame", "frameset", "applet").contains(tag)) {
                found.add(where + ": <" + tag + ">");
            }
            if (tag.equals("meta") && e.attr("http-equiv").equalsIgnoreCase("refresh")) {
                found.add(where + ": meta refresh");
            }
            attributes(e, where + " <" + tag + ">", found);
        }
    }

    private static void attributes(Element e, String where, List<String> found) {
        for (Attribute a : e.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
            if (key.startsWith("on")) {
                found.add(where + ": " + key + "=");
            }
            if (key.equals("srcdoc") || key.equals("formaction")) {
                found.add(where + ": " + key + "=");
            }
            if (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:")
                    || (key.equals("style") && (value.contains("javascript:") || value.contains("expression(")))) {
                found.add(where + ": " + key + "=\"" + a.getValue() + "\"");
            }
        }
    }
}
