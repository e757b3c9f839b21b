package org.lateral.plan;

import java.util.List;
import java.util.Set;

/**
 * Every output of one build, in the order they were planned (pages before feeds, so the sitemap
 * lists pages in a stable order), each with its kind, format and inputs.
 */
public record Plan(List<Output> outputs) {
    public Plan {
        outputs = List.copyOf(outputs);
    }

    /** The outputs a change to {@code changed} may affect (conservatively: when unsure, more). */
    public List<Output> affectedBy(Set<Input> changed) {
        return outputs.stream().filter(o -> o.isAffectedBy(changed)).toList();
    }
}
