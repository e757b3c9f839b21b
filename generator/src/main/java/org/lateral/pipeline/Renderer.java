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
import java.nio.file.Path;
import org.lateral.output.StagedOutput;
import org.lateral.plan.Output;
import org.lateral.plan.Plan;
import org.lateral.render.Theme;
import org.lateral.site.Site;

/**
 * The render-and-write step of a site build and a hub run alike: every output of a plan is made
 * in parallel and written to the staged output; problems (a template that fails on some pages)
 * are collected, each once.
 */
final class Renderer {

    /** What one render step did. */
    record Rendered(int files, int html, int rendered, List<Problem> problems) {
    }

    /** What a clean build wrote: every file (static files and pictures included) and the render step's account. */
    record Written(int files, Rendered rendered) {
    }

    private Renderer() {
    }

    /**
     * A clean build's write, for a site and a hub alike: static files and pictures, then every output
     * of the plan, into a staging folder that replaces the output folder only when no error was found
     * (then {@code problems} holds them and the exception says so). Laps {@code copy}, {@code render},
     * {@code swap}.
     */
    static Written writeClean(Plan plan, Theme theme, Path siteDir, Site site, Path outputDir, List<Problem> problems,
            List<Problem> warnings, SiteBuilder.Stopwatch watch) {
        return writeClean(plan, theme, siteDir, site, java.util.Map.of(), outputDir, problems, warnings, watch);
    }

    /** @param sides the other languages' sides of a bilingual site by their folder ({@code cy/}): their pictures too */
    static Written writeClean(Plan plan, Theme theme, Path siteDir, Site site, java.util.Map<String, Site> sides,
            Path outputDir, List<Problem> problems, List<Problem> warnings, SiteBuilder.Stopwatch watch) {
        AtomicInteger count = new AtomicInteger();
        try (StagedOutput out = StagedOutput.begin(outputDir)) {
            SiteBuilder.copyStatic(theme, siteDir, site, sides, out, count);
            watch.lap("copy");
            Rendered rendered = renderAll(plan, out);
            watch.lap("render");
            problems.addAll(rendered.problems());
            SiteBuilder.failOnErrors(problems, warnings);
            out.commit();
            warnings.addAll(out.warnings());
            watch.lap("swap");
            return new Written(count.get() + rendered.files(), rendered);
        }
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
