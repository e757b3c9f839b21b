package org.lateral.community;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.YamlNode;

/**
 * Reads site.yaml's {@code mentoring:} section into a {@link Mentoring} profile; each mistake a
 * problem at its line (an unknown setting, a phase that is not one of the words, an {@code until}
 * that is not a date, a profile with neither offers nor seeks).
 */
public final class MentoringReader {

    static final Set<String> KEYS = Set.of("offers", "seeks", "phase", "until");

    private MentoringReader() {
    }

    public static Optional<Mentoring> read(Optional<YamlNode> section, Path file, List<Problem> problems) {
        if (section.isEmpty() || section.get().isNull()) {
            return Optional.empty();
        }
        YamlNode m = section.get();
        Blocks checks = new Blocks(file, problems);
        if (!m.isMap()) {
            checks.error(m, "mentoring: must hold settings such as offers: and seeks:, not a single value",
                    "write e.g. mentoring: { offers: [behaviour], seeks: [leadership], phase: secondary }");
            return Optional.empty();
        }
        int before = problems.size();
        checks.unknownKeys(m, "mentoring:", KEYS);
        List<String> offers = checks.topics(m, "offers", "mentoring");
        List<String> seeks = checks.topics(m, "seeks", "mentoring");
        var phase = checks.word(m, "phase", "mentoring", Swap.PHASES, "a phase");
        var until = checks.day(m, "until", "mentoring");
        if (offers.isEmpty() && seeks.isEmpty() && problems.size() == before) {
            checks.error(m, "the mentoring profile offers nothing and seeks nothing",
                    "add offers: [what you can mentor in] or seeks: [what you would like a mentor for], or remove mentoring:");
        }
        return problems.size() > before ? Optional.empty() : Optional.of(new Mentoring(offers, seeks, phase, until));
    }
}
