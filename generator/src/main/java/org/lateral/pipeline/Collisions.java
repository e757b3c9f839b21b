package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lateral.Problem;
import org.lateral.plan.Output;

/** Finds two things that want to be written at the same address. */
final class Collisions {

    private Collisions() {
    }

    static List<Problem> find(List<Output> jobs) {
        Map<String, Output> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Output j : jobs) {
            Output first = seen.putIfAbsent(j.outputPath(), j);
            if (first == null) {
                continue;
            }
            String url = "/" + j.outputPath().replaceFirst("index\\.html$", "");
            Path file = j.source().or(first::source).orElse(null);
            String other = j.source().isPresent() ? first.origin() : j.origin();
            problems.add(new Problem(file, 1, 1, Problem.Severity.ERROR,
                    "two pages claim the same address " + url + ": this one and " + other,
                    "give one of them another address with a slug: line in its front matter (slug: a-new-name)"));
        }
        return problems;
    }
}
