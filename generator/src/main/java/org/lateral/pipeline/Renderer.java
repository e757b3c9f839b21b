package org.lateral.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.output.StagedOutput;


import org.lateral.plan.Output;
import org.lateral.plan.Plan;

/**
 * The render-and-write step of a site build and a hub run alike: every output of a plan is made
 * in parallel and written to the staged output; problems (a template that fails on some pages)
 * are collected, each once.
 */
final class Renderer {

    /** What one render step did. */
    record Rendered(int files, int html, int rendered, List<Problem> problems) {
    }

    private Renderer() {
    }

    static Rendered renderAll(Plan plan, StagedOutput out) {
        AtomicInteger files = new AtomicInteger();
        AtomicInteger html = new AtomicInteger();
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        plan.outputs().parallelStream().forEach(o -> {
            try {
                out.write(o.outputPath(), o.content().get());
                files.incrementAndGet();
                if (o.outputPath().endsWith(".html")) {
                    html.incrementAndGet();
                }
            } catch (LateralException e) {
                problems.addAll(e.problems());
            }
        });
        return new Rendered(files.get(), html.get(), plan.outputs().size(), SiteBuilder.dedupe(problems));
    }

    /**
     * Makes these outputs in parallel, into memory (a rebuild writes them only when all succeeded);
     * adds the problems found, each once, to {@code problems}.
     */
    static Map<String, byte[]> renderInMemory(List<Output> outputs, List<Problem> problems) {
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        List<Problem> found = Collections.synchronizedList(new ArrayList<>());
        outputs.parallelStream().forEach(o -> {
            try {
                made.put(o.outputPath(), o.content().get());
            } catch (LateralException e) {
                found.addAll(e.problems());
            }
        });
        problems.addAll(SiteBuilder.dedupe(found));
        return new TreeMap<>(made);
    }

}
