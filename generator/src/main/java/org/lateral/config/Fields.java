package org.lateral.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.internal.Suggestions;
import org.lateral.Problem;

/**
 * Reads typed values out of a YAML map and records a positioned {@link Problem} for each value of
 * the wrong type, so that loading goes on and every mistake is reported at once.
 */
public final class Fields {

    final Path file;
    final List<Problem> problems = new ArrayList<>();

    public Fields(YamlNode root, Path file) {
        this.file = file;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * Records an error at each key of {@code section} (the map under {@code name}) that is not one
     * of {@code known}: "did you mean …?" for a near miss, otherwise {@code otherwise}.
     */
    void unknownKeys(YamlNode section, String name, Set<String> known, String otherwise) {
        for (String key : section.asMap().keySet()) {
            if (!known.contains(key)) {
                problems.add(Problem.error(file, section.keyLine(key), section.keyColumn(key),
                        name + " has no setting \"" + key + "\"",
                        Suggestions.closest(key, known).map(s -> "did you mean `" + s + "`?").orElse(otherwise)));
            }
        }
    }

    public Optional<String> text(YamlNode map, String key) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        if (!n.get().isScalar()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    key + " must be a single value, not a list",
                    "write it on one line, e.g. " + key + ": some text"));
            return Optional.empty();
        }
        return n.get().text();
    }

    public int integer(YamlNode map, String key, int dflt, int min, int max) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return dflt;
        }
        Object v = n.get().value();
        if (v instanceof Long l && l >= min && l <= max) {
            return l.intValue();
        }
        problems.add(Problem.error(file, n.get().line(), n.get().column(),
                key + " must be a whole number from " + min + " to " + max + ", not \"" + v + "\"",
                "write it as, e.g., " + key + ": " + dflt));
        return dflt;
    }

    public boolean bool(YamlNode map, String key, boolean dflt) {
        Optional<YamlNode> n = map.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return dflt;
        }
        if (n.get().value() instanceof Boolean b) {
            return b;
        }
        problems.add(Problem.error(file, n.get().line(), n.get().column(),
                key + " must be true or false, not \"" + n.get().value() + "\"",
                "write " + key + ": true or " + key + ": false"));
        return dflt;
    }
}
