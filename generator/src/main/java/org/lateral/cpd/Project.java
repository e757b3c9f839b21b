package org.lateral.cpd;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lateral.site.Page;

/**
 * A professional learning project: a series whose parts carry {@code stage: reflect}, {@code act}
 * or {@code review}.
 *
 * @param name      the series' name
 * @param url       the series page
 * @param stages    the three stages in order, each with its parts
 * @param reviewDue the earliest {@code review:} date of its parts, when one is set
 * @param dueFrom   the part that set it, and the line of its {@code review:}
 */
public record Project(String name, String url, List<Stage> stages, Optional<LocalDate> reviewDue,
        Optional<Path> dueFrom, int dueLine) {

    public static final List<String> STAGES = List.of("reflect", "act", "review");

    public Project {
        stages = List.copyOf(stages);
    }

    /** One stage and the parts written for it (none yet: to come). */
    public record Stage(String key, List<Page> parts) {
        public Stage {
            parts = List.copyOf(parts);
        }

        public boolean done() {
            return !parts.isEmpty();
        }
    }

    /** Whether the review stage has a part. */
    public boolean reviewed() {
        return stages.get(2).done();
    }

    /** Whether the review date has passed on {@code today} and no review part is written. */
    public boolean overdue(LocalDate today) {
        return !reviewed() && reviewDue.map(d -> !d.isAfter(today)).orElse(false);
    }
}
