package org.lateral.community;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/** The checks {@link SwapParser} and {@link MentoringReader} share: each mistake a positioned problem. */
final class Blocks {

    private final Path file;
    private final List<Problem> problems;

    Blocks(Path file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void unknownKeys(YamlNode block, String name, Set<String> known) {
        for (String key : block.asMap().keySet()) {
            if (!known.contains(key)) {
                Optional<String> near = Suggestions.closest(key, known);
                problems.add(Problem.error(file, block.keyLine(key), block.keyColumn(key),
                        name + " has no setting \"" + key + "\"" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "rename it to " + n).orElse("use " + String.join(", ", known.stream().sorted().toList()))));
            }
        }
    }

    /** A list of topics: {@code [oracy, questioning]}, one {@code - topic} per line, or {@code oracy, questioning}. */
    List<String> topics(YamlNode block, String key, String name) {
        Optional<YamlNode> n = block.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return List.of();
        }
        YamlNode node = n.get();
        if (node.isMap() || node.isList() && node.asList().stream().anyMatch(i -> !i.isScalar())) {
            problems.add(Problem.error(file, node.line(), node.column(),
                    name + "'s " + key + " must be a list of topics, not " + (node.isMap() ? "settings with colons" : "nested lists"),
                    "write it as " + key + ": [oracy, questioning]"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : node.textList()) {
            for (String part : node.isScalar() ? item.split(",") : new String[] {item}) {
                String topic = part.strip().replaceFirst("^#+", "").strip();
                if (!topic.isEmpty() && out.stream().noneMatch(t -> t.equalsIgnoreCase(topic))) {
                    out.add(topic);
                }
            }
        }
        return out;
    }

    /** A day ({@code 2030-07-20}); a time of day is not needed and not accepted. */
    Optional<LocalDate> day(YamlNode block, String key, String name) {
        Optional<YamlNode> n = block.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        String text = n.get().isScalar() ? n.get().text().orElse("").strip() : "";
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    name + "'s " + key + " \"" + (n.get().isScalar() ? text : "a list") + "\" is not a date",
                    "write the last day it is open as year-month-day, e.g. " + key + ": 2030-07-20"));
            return Optional.empty();
        }
    }

    /** One word of {@code allowed} ({@code phase: secondary}), case ignored. */
    Optional<String> word(YamlNode block, String key, String name, Collection<String> allowed, String what) {
        Optional<YamlNode> n = block.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        String text = n.get().isScalar() ? n.get().text().orElse("").strip() : "";
        String word = text.toLowerCase(Locale.ROOT).replace(' ', '-');
        if (word.equals("further-education")) {
            word = "fe";
        }
        if (allowed.contains(word)) {
            return Optional.of(word);
        }
        Optional<String> near = Suggestions.closest(word, allowed);
        problems.add(Problem.error(file, n.get().line(), n.get().column(),
                name + "'s " + key + " \"" + text + "\" is not " + what + near.map(s -> "; did you mean `" + s + "`?").orElse(""),
                "write one of " + String.join(", ", allowed) + ", e.g. " + key + ": " + near.orElse(allowed.iterator().next())));
        return Optional.empty();
    }

    void error(YamlNode at, String message, String fix) {
        problems.add(Problem.error(file, at.line(), at.column(), message, fix));
    }
}
