package org.lateral.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lateral.Problem;

/** The findings of one check, each once; safe to add to from several threads. */
final class Findings {

    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> seen = Collections.synchronizedSet(new HashSet<>());

    void error(Place at, String message, String fix) {
        add(Problem.error(at.file(), at.line(), at.column(), message, fix));
    }

    void warning(Place at, String message, String fix) {
        add(Problem.warning(at.file(), at.line(), at.column(), message, fix));
    }

    void add(Problem p) {
        if (seen.add(p.format())) {
            problems.add(p);
        }
    }

    List<Problem> all() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}
