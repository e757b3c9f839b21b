package org.lateral.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lateral.Problem;

/**
 * Reads {@code languages: [en, cy]} from {@code site.yaml}: each a language code, none twice, the
 * first the site's main language. {@code language:} may be left out (the first is then the site's
 * language) or must name the same language; a site that says two different things is an error at
 * {@code languages:}, naming both lines.
 */
final class SiteLanguagesReader {

    private SiteLanguagesReader() {
    }

    static SiteLanguages read(YamlNode root, Path file, Optional<String> language, String baseUrl,
            List<Problem> problems) {
        Optional<YamlNode> node = root.get("languages");
        if (node.isEmpty() || node.get().isNull()) {
            return SiteLanguages.NONE;
        }
        int line = root.keyLine("languages");
        int column = root.keyColumn("languages");
        List<YamlNode> items = node.get().isList() ? node.get().asList() : List.of(node.get());
        List<String> tags = new ArrayList<>();
        int before = problems.size();
        for (YamlNode item : items) {
            Optional<String> text = item.isScalar() ? item.text().map(String::strip) : Optional.empty();
            if (text.isEmpty() || text.get().isEmpty()) {
                problems.add(Problem.error(file, item.line(), item.column(), "a language in languages: is empty or not a code",
                        "list language codes, the site's main language first, e.g. languages: [en, cy]"));
                continue;
            }
            String tag = text.get();
            Optional<Problem> bad = Languages.check(tag, "languages", file, item.line(), item.column());
            if (bad.isPresent()) {
                problems.add(bad.get());
                continue;
            }
            if (tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag))) {
                problems.add(Problem.error(file, item.line(), item.column(),
                        "the language \"" + tag + "\" is listed twice in languages:",
                        "list each language once, the site's main language first, e.g. languages: [en, cy]"));
                continue;
            }
            if (tag.equalsIgnoreCase("page") || tag.contains("/")) {
                continue; // not reachable for a real code; a side folder must not be a list's page/ folder
            }
            tags.add(tag);
        }
        if (problems.size() > before) {
            return SiteLanguages.NONE;
        }
        if (tags.isEmpty()) {
            problems.add(Problem.error(file, line, column, "languages: lists no language",
                    "list the site's languages, its main language first, e.g. languages: [en, cy], or remove the line"));
            return SiteLanguages.NONE;
        }
        if (language.isPresent() && !language.get().equalsIgnoreCase(tags.get(0))) {
            problems.add(Problem.error(file, line, column,
                    "languages: starts with \"" + tags.get(0) + "\", but language: (line " + root.keyLine("language")
                            + ") says \"" + language.get() + "\"; the first of languages: is the site's main language",
                    "write the main language first in both, e.g. language: " + language.get() + " and languages: ["
                            + language.get() + ", " + (tags.size() > 1 ? tags.get(1) : "cy")
                            + "], or remove the language: line"));
            return SiteLanguages.NONE;
        }
        // one language: the site is as if only language: were there
        return new SiteLanguages(tags,
                baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    }
}
