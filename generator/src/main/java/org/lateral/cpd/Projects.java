package org.lateral.cpd;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.lateral.Problem;
import org.lateral.internal.Slugs;
import org.lateral.site.Page;
import org.lateral.taxonomy.Series;

/** Finds the professional learning projects among a site's series and the reviews that are due. */
public final class Projects {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Projects() {
    }

    /**
     * @param review     a part's {@code review:} date, when it has one
     * @param reviewLine the line of a part's {@code review:}
     */
    public static List<Project> of(List<Series> series, Function<Page, Optional<ZonedDateTime>> review,
            Function<Page, Integer> reviewLine) {
        List<Project> out = new ArrayList<>();
        for (Series s : series) {
            boolean project = s.parts().stream().anyMatch(p -> Project.STAGES.contains(p.stageSlug()));
            if (!project) {
                continue;
            }
            List<Project.Stage> stages = new ArrayList<>();
            for (String key : Project.STAGES) {
                stages.add(new Project.Stage(key, s.parts().stream().filter(p -> key.equals(p.stageSlug())).toList()));
            }
            Optional<LocalDate> due = Optional.empty();
            Optional<Path> from = Optional.empty();
            int line = 1;
            for (Page p : s.parts()) {
                Optional<ZonedDateTime> r = review.apply(p);
                if (r.isPresent() && (due.isEmpty() || r.get().toLocalDate().isBefore(due.get()))) {
                    due = Optional.of(r.get().toLocalDate());
                    from = Optional.of(p.source());
                    line = reviewLine.apply(p);
                }
            }
            out.add(new Project(s.name(), s.url(), stages, due, from, line));
        }
        return out;
    }

    /** A warning for each project whose review is due on {@code today} and not yet written. */
    public static List<Problem> overdue(List<Project> projects, LocalDate today) {
        List<Problem> out = new ArrayList<>();
        for (Project p : projects) {
            if (p.overdue(today)) {
                out.add(Problem.warning(p.dueFrom().orElse(Path.of("site.yaml")), p.dueLine(), 1,
                        p.name() + ": impact review due since " + DAY.format(p.reviewDue().get())
                                + " — write the review stage",
                        "write a post with series: \"" + p.name() + "\" and stage: review saying what changed"
                                + " (lateral new reflection \"" + p.name() + ": review\" --model borton)"));
            }
        }
        return out;
    }

    static String slug(String stage) {
        return Slugs.slugify(stage);
    }
}
