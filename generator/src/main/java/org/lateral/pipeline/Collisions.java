package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lateral.Problem;
import org.lateral.content.FrontMatter;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;

/** Finds two things that want to be written at the same address. */
final class Collisions {

    private Collisions() {
    }

    static List<Problem> find(List<Output> jobs) {
        return find(jobs, Map.of());
    }

    /** @param frontMatter each source's front matter, so an alias problem points at its {@code aliases:} line */
    static List<Problem> find(List<Output> jobs, Map<Path, FrontMatter> frontMatter) {
        Map<String, Output> seen = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Output j : jobs) {
            Output first = seen.putIfAbsent(j.outputPath(), j);
            if (first == null) {
                continue;
            }
            String url = "/" + j.outputPath().replaceFirst("index\\.html$", "");
            if (j.kind() == Kind.ALIAS || first.kind() == Kind.ALIAS) {
                Output alias = j.kind() == Kind.ALIAS ? j : first;
                Output other = alias == j ? first : j;
                Path file = alias.source().orElse(null);
                int line = file == null || !frontMatter.containsKey(file) ? 1 : frontMatter.get(file).lineOf("aliases", 1);
                String what = other.kind() == Kind.ALIAS ? other.origin().substring(AliasPages.ORIGIN_PREFIX.length())
                        .replaceFirst("^\\S+ in ", "an alias in ") : other.origin();
                problems.add(new Problem(file, line, 1, Problem.Severity.ERROR,
                        "the old address " + url + " in aliases: is also claimed by " + what,
                        "remove it from aliases: here (or from the other file); an old address can lead to one page only"));
                continue;
            }
            Path file = j.source().or(first::source).orElse(null);
            String other = j.source().isPresent() ? first.origin() : j.origin();
            problems.add(new Problem(file, 1, 1, Problem.Severity.ERROR,
                    "two pages claim the same address " + url + ": this one and " + other,
                    "give one of them another address with a slug: line in its front matter (slug: a-new-name)"));
        }
        return problems;
    }
}
