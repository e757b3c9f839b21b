package org.lateral.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every HTML file the sample network's sites and hub wrote is valid for the W3C Nu HTML Checker
 * (run in-process) and every internal link ({@code href}, {@code src}, {@code srcset}) on it leads
 * to a file of the same output.
 */
class NetworkQualityIT {

    static final Path NETWORK = SampleNetworkIT.NETWORK;
    static final List<String> SITES = List.of("blog-nqt", "blog-primary", "blog-science", "school", "hub");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path output(String site) {
        return NETWORK.resolve(site).resolve("target/site-output");
    }

    static List<Path> htmlFiles(Path output) throws IOException {
        try (Stream<Path> s = Files.walk(output)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void everyPageOfTheNetworkIsValidHtml() throws Exception {
        List<String> errors = new ArrayList<>();
        int checked = 0;
        for (String site : SITES) {
            Path out = output(site);
            assertThat(out).as(site + " was built").isDirectory();
            for (Path file : htmlFiles(out)) {
                errors.addAll(nuErrors(site + "/" + out.relativize(file), file));
                checked++;
            }
        }
        assertThat(checked).as("HTML files checked").isGreaterThan(50);
        assertThat(errors).isEmpty();
    }

    @Test
    void everyInternalLinkOfTheNetworkLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (String site : SITES) {
            Path out = output(site);
            String basePath = basePath(site);
            for (Path file : htmlFiles(out)) {
                Document d = Jsoup.parse(file.toFile(), "UTF-8");
                for (Element e : d.select("[href], [src], [srcset]")) {
                    List<String> targets = new ArrayList<>();
                    if (e.hasAttr("href")) {
                        targets.add(e.attr("href"));
                    }
                    if (e.hasAttr("src")) {
                        targets.add(e.attr("src"));
                    }
                    for (String candidate : e.attr("srcset").split(",")) {
                        if (!candidate.isBlank()) {
                            targets.add(candidate.strip().split("\\s+")[0]);
                        }
                    }
                    for (String t : targets) {
                        if (isInternal(t)) {
                            links++;
                            if (!resolves(out, basePath, file, t)) {
                                broken.add(site + "/" + out.relativize(file) + ": <" + e.tagName() + "> → " + t);
                            }
                        }
                    }
                }
            }
        }
        assertThat(links).as("internal links checked").isGreaterThan(500);
        assertThat(broken).isEmpty();
    }

    /** Relative links and fragments stay inside the output; absolute addresses go elsewhere. */
    static boolean isInternal(String href) {
        String h = href.strip();
        if (h.isEmpty() || h.startsWith("#") || h.startsWith("//")) {
            return false;
        }
        return !h.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    }

    /** The path of the site's {@code baseUrl} ({@code /llyr-hopkin/}), which root-relative links start with. */
    static String basePath(String site) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^baseUrl:\\s*\"?([^\"\\s]+)")
                .matcher(Files.readString(NETWORK.resolve(site).resolve("site.yaml")));
        assertThat(m.find()).as(site + "/site.yaml has a baseUrl").isTrue();
        String path = java.net.URI.create(m.group(1)).getPath();
        return path.endsWith("/") ? path : path + "/";
    }

    static boolean resolves(Path out, String basePath, Path page, String href) {
        String path = href.replaceAll("[#?].*$", "");
        if (path.isEmpty()) {
            return true;
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        if (path.startsWith("/") && !path.startsWith(basePath)) {
            return false; // outside the site
        }
        Path target = path.startsWith("/")
                ? out.resolve(path.substring(basePath.length()))
                : page.getParent().resolve(path);
        target = target.normalize();
        if (!target.startsWith(out)) {
            return false;
        }
        return Files.isRegularFile(target) || Files.isRegularFile(target.resolve("index.html"));
    }

    static List<String> nuErrors(String name, Path file) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        validator.setNoLangDetect(true);
        String out = validator.validate(file);
        List<String> errors = new ArrayList<>();
        for (JsonNode m : JSON.readTree(out).path("messages")) {
            String type = m.path("type").asText();
            if (type.equals("error") || type.equals("non-document-error") || m.path("subType").asText().equals("fatal")) {
                errors.add(name + ":" + m.path("lastLine").asInt() + ": " + m.path("message").asText() + " ["
                        + m.path("extract").asText().strip() + "]");
            }
        }
        return errors;
    }
}
