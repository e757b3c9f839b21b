package org.lateral.cpd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/**
 * site.yaml's {@code cpd:} section: {@code standards:} (the framework's id) and {@code hoursGoal:}.
 *
 * @param present    whether site.yaml has a {@code cpd:} section (the record page is written then, or when
 *                   any post has a record)
 * @param standards  the framework the site's records use
 * @param hoursGoal  hours a year to aim for (35 under Scotland's SNCT)
 * @param line       the line of {@code standards:} (or {@code cpd:}), for problems
 * @param title      the record page's heading ("Staff CPD programme" for a school), when not the theme's
 */
public record CpdSettings(boolean present, Optional<String> standards, Optional<Double> hoursGoal, int line,
        Optional<String> title) {

    public static final CpdSettings NONE = new CpdSettings(false, Optional.empty(), Optional.empty(), 1,
            Optional.empty());
    private static final Set<String> KEYS = Set.of("standards", "hoursGoal", "title");

    /** Reads the section from {@code siteDir/site.yaml}; its other sections are read by the config loader. */
    public static CpdSettings read(Path siteDir, List<Problem> problems) {
        Path file = siteDir.resolve("site.yaml");
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        YamlNode root;
        try {
            root = Yaml.parse(Files.readString(file, StandardCharsets.UTF_8), Path.of("site.yaml"), 1);
        } catch (Yaml.YamlException e) {
            return NONE; // the config loader reports it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<YamlNode> section = root.isMap() ? root.get("cpd") : Optional.empty();
        if (section.isEmpty() || section.get().isNull()) {
            return NONE;
        }
        YamlNode cpd = section.get();
        Path shown = Path.of("site.yaml");
        if (!cpd.isMap()) {
            problems.add(Problem.error(shown, cpd.line(), cpd.column(), "cpd must be settings, not a single value",
                    "write cpd: { standards: teachers-standards-england, hoursGoal: 35 }"));
            return NONE;
        }
        for (String key : cpd.asMap().keySet()) {
            if (!KEYS.contains(key)) {
                Optional<String> near = Suggestions.closest(key, KEYS);
                problems.add(Problem.error(shown, cpd.keyLine(key), cpd.keyColumn(key),
                        "unknown cpd setting \"" + key + "\"" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "rename it to " + n).orElse("cpd: takes standards:, hoursGoal: and title:")));
            }
        }
        Optional<String> standards = cpd.get("standards").filter(YamlNode::isScalar).flatMap(YamlNode::text)
                .map(String::strip).filter(s -> !s.isEmpty());
        Optional<Double> goal = Optional.empty();
        Optional<YamlNode> g = cpd.get("hoursGoal");
        if (g.isPresent() && !g.get().isNull()) {
            if (g.get().value() instanceof Number n && n.doubleValue() > 0) {
                goal = Optional.of(n.doubleValue());
            } else {
                problems.add(Problem.error(shown, g.get().line(), g.get().column(),
                        "hoursGoal must be a number of hours a year, not \"" + g.get().text().orElse("") + "\"",
                        "write e.g. hoursGoal: 35"));
            }
        }
        int line = cpd.get("standards").map(YamlNode::line).orElse(cpd.line());
        Optional<String> title = cpd.get("title").filter(YamlNode::isScalar).flatMap(YamlNode::text).map(String::strip)
                .filter(s -> !s.isEmpty());
        return new CpdSettings(true, standards, goal, line, title);
    }
}
