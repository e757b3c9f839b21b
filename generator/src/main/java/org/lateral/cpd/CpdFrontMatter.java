package org.lateral.cpd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/** Reads a {@code cpd:} record from front matter, with a positioned problem for every mistake. */
public final class CpdFrontMatter {

    static final Set<String> KEYS = Set.of("hours", "type", "standards", "impact", "evidence", "private");

    private CpdFrontMatter() {
    }

    /** The record, or empty when there is none or it is too broken to count (the problems say why). */
    public static Optional<CpdRecord> read(YamlNode node, Path file, List<Problem> problems) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (!node.isMap()) {
            problems.add(Problem.error(file, node.line(), node.column(),
                    "cpd must be settings on the lines below it, not \"" + node.text().orElse("a list") + "\"",
                    "write it as cpd: then, indented on the next lines, hours: 2 and type: course"));
            return Optional.empty();
        }
        int before = problems.size();
        for (String key : node.asMap().keySet()) {
            if (!KEYS.contains(key)) {
                Optional<String> near = Suggestions.closest(key, KEYS);
                problems.add(Problem.error(file, node.keyLine(key), node.keyColumn(key),
                        "unknown cpd setting \"" + key + "\"" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "rename \"" + key + "\" to \"" + n + "\"")
                                .orElse("use only " + String.join(", ", List.of("hours", "type", "standards", "impact",
                                        "evidence", "private")) + " under cpd:")));
            }
        }
        double hours = 0;
        Optional<YamlNode> h = node.get("hours");
        if (h.isEmpty() || h.get().isNull()) {
            problems.add(Problem.error(file, node.line(), node.column(), "this cpd record has no hours",
                    "add hours: under cpd:, e.g. hours: 1.5 for an hour and a half"));
        } else if (h.get().value() instanceof Number n && n.doubleValue() > 0 && n.doubleValue() <= 1000) {
            hours = n.doubleValue();
        } else {
            String written = h.get().text().orElse("");
            problems.add(Problem.error(file, h.get().line(), h.get().column(),
                    "hours must be a number of hours greater than 0, not \"" + written + "\"",
                    written.contains(":") || written.contains("h")
                            ? "write the time as a decimal number: 1.5 for an hour and a half, 0.75 for 45 minutes"
                            : "write e.g. hours: 2.5"));
        }
        String type = "other";
        Optional<YamlNode> t = node.get("type");
        if (t.isEmpty() || t.get().isNull()) {
            problems.add(Problem.error(file, node.line(), node.column(), "this cpd record has no type",
                    "add type: under cpd:, one of " + String.join(", ", CpdRecord.TYPES)));
        } else {
            String written = t.get().text().orElse("").strip();
            String word = written.toLowerCase(java.util.Locale.ROOT).replace(' ', '-').replace('_', '-');
            if (CpdRecord.TYPES.contains(word)) {
                type = word;
            } else {
                Optional<String> near = Suggestions.closest(word, CpdRecord.TYPES);
                problems.add(Problem.error(file, t.get().line(), t.get().column(),
                        "\"" + written + "\" is not a type of professional learning Lateral knows"
                                + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "write type: " + n).orElse("use one of " + String.join(", ", CpdRecord.TYPES)
                                + " (other when none fits)")));
            }
        }
        List<CpdRecord.Code> codes = new ArrayList<>();
        Optional<YamlNode> s = node.get("standards");
        if (s.isPresent() && !s.get().isNull()) {
            List<YamlNode> items = s.get().isList() ? s.get().asList() : List.of(s.get());
            for (YamlNode item : items) {
                if (!item.isScalar()) {
                    problems.add(Problem.error(file, item.line(), item.column(),
                            "standards must be a list of codes, such as [TS4, TS8]",
                            "write standards: [TS4, TS8] or one \"- TS4\" per line"));
                    continue;
                }
                for (String code : item.text().orElse("").split(",")) {
                    if (!code.isBlank()) {
                        codes.add(new CpdRecord.Code(code.strip(), item.line(), item.column()));
                    }
                }
            }
        }
        Optional<String> impact = text(node, "impact", file, problems);
        List<CpdRecord.Evidence> evidence = new ArrayList<>();
        Optional<YamlNode> e = node.get("evidence");
        if (e.isPresent() && !e.get().isNull()) {
            List<YamlNode> items = e.get().isList() ? e.get().asList() : List.of(e.get());
            for (YamlNode item : items) {
                if (item.isScalar()) {
                    evidence.add(new CpdRecord.Evidence(item.text().orElse("").strip(), Optional.empty()));
                } else if (item.isMap() && item.get("title").flatMap(YamlNode::text).isPresent()) {
                    Optional<String> url = item.get("url").flatMap(YamlNode::text).map(String::strip)
                            .filter(u -> !u.isEmpty());
                    if (url.isPresent() && !safeUrl(url.get())) {
                        problems.add(Problem.error(file, item.get("url").get().line(), item.get("url").get().column(),
                                "this evidence link is not a web address or a file of the site: " + url.get(),
                                "write a link starting https:// or a path such as /files/notes.pdf"));
                        url = Optional.empty();
                    }
                    evidence.add(new CpdRecord.Evidence(item.get("title").flatMap(YamlNode::text).get().strip(), url));
                } else {
                    problems.add(Problem.error(file, item.line(), item.column(),
                            "each piece of evidence needs a title",
                            "write evidence: [{ title: \"Observation notes\", url: \"https://…\" }]"));
                }
            }
        }
        boolean isPrivate = false;
        Optional<YamlNode> p = node.get("private");
        if (p.isPresent() && !p.get().isNull()) {
            if (p.get().value() instanceof Boolean b) {
                isPrivate = b;
            } else {
                // when in doubt, keep it private: a teacher who wrote private: yes-ish meant it
                isPrivate = true;
                problems.add(Problem.error(file, p.get().line(), p.get().column(),
                        "private must be true or false, not \"" + p.get().text().orElse("") + "\"",
                        "write private: true to keep this post and its record off the site"));
            }
        }
        if (problems.size() > before) {
            return isPrivate ? Optional.of(new CpdRecord(hours, type, codes, impact, evidence, true, node.line()))
                    : Optional.empty();
        }
        return Optional.of(new CpdRecord(hours, type, codes, impact, evidence, isPrivate, node.line()));
    }

    /** Whether {@code private: true} is written, however broken the rest is (privacy comes first). */
    public static boolean saysPrivate(YamlNode node) {
        return node.isMap() && node.get("private").map(p -> !Boolean.FALSE.equals(p.value()) && !p.isNull())
                .orElse(false);
    }

    private static boolean safeUrl(String url) {
        String u = url.toLowerCase(java.util.Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") || (u.startsWith("/") && !u.startsWith("//"));
    }

    private static Optional<String> text(YamlNode node, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = node.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        if (!n.get().isScalar()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    key + " must be a piece of text, not a list", "write it on one line in quotes, e.g. "
                            + key + ": \"Pupils explain their reasoning more.\""));
            return Optional.empty();
        }
        return n.get().text().map(String::strip).filter(x -> !x.isEmpty());
    }
}
