package org.lateral.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lateral.plan.Format;
import org.lateral.plan.Input;
import org.lateral.plan.Kind;
import org.lateral.plan.Output;
import org.lateral.render.RelativeLinks;
import org.lateral.render.TemplateRenderer;

/**
 * Makes the outputs rendered by a template, for the site's planner and the hub's alike: the model
 * gets the kind's template name as {@code kind} and the shared values ({@code site}, and
 * {@code hub} for a hub), the page is rendered when its bytes are asked for, and its site-internal
 * links are made relative to it when the site asks for relative links.
 */
final class TemplateOutputs {

    private final TemplateRenderer templates;
    private final Map<String, Object> shared;
    private final String basePath;
    private final boolean relativeUrls;
    /** The folder of a bilingual site's side every output goes in ({@code cy/}), empty for the main side. */
    private final String prefix;

    /**
     * @param shared       values every model gets ({@code site}, {@code hub})
     * @param basePath     the site's base path ({@code /cpd/}), the start of its internal links
     * @param relativeUrls whether internal links are made relative to each page
     */
    TemplateOutputs(TemplateRenderer templates, Map<String, Object> shared, String basePath, boolean relativeUrls) {
        this(templates, shared, basePath, relativeUrls, "");
    }

    /**
     * @param basePath the whole site's base path, also for a language's side
     * @param prefix   the folder of a language's side ({@code cy/}) its outputs are written in; empty for the main side
     */
    TemplateOutputs(TemplateRenderer templates, Map<String, Object> shared, String basePath, boolean relativeUrls,
            String prefix) {
        this.templates = templates;
        this.shared = Map.copyOf(shared);
        this.basePath = basePath;
        this.relativeUrls = relativeUrls;
        this.prefix = prefix;
    }

    /** Each template rendered, with what needs it first, for {@link #missing()}. */
    private final Map<String, String> needs = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    /** Templates named by a page's {@code layout:}, whose absence the page's render reports with that fix. */
    private final Set<String> layouts = java.util.concurrent.ConcurrentHashMap.newKeySet();

    boolean exists(String template) {
        return templates.exists(template);
    }

    /** Marks a template as one a page chose with {@code layout:} (not a template its kind needs). */
    void chosenByLayout(String template) {
        layouts.add(template);
    }

    /** One problem per template the planned outputs need that cannot be found (or that imports one that cannot). */
    java.util.List<org.lateral.Problem> missing() {
        Map<String, String> needed;
        synchronized (needs) {
            needed = new java.util.LinkedHashMap<>(needs);
        }
        needed.keySet().removeAll(layouts);
        return templates.missing(needed);
    }

    /** An HTML page, with relative links unless the site wants root-relative ones (or it is the 404 page). */
    Output html(Kind kind, String outputPath, String origin, Optional<Path> source, String template,
            Map<String, Object> model, Set<Input> inputs) {
        return render(kind, Format.HTML, outputPath, origin, source, template, model, inputs,
                relativeUrls && kind != Kind.NOT_FOUND);
    }

    /** Any output of a template (an e-mail, a text file), with or without relative links. */
    Output render(Kind kind, Format format, String outputPath, String origin, Optional<Path> source, String template,
            Map<String, Object> model, Set<Input> inputs, boolean relative) {
        needs.putIfAbsent(template, "the \"" + kind.templateName() + "\" pages need (the first: " + origin + ")");
        String path = prefix + outputPath;
        Map<String, Object> full = new HashMap<>(model);
        full.putAll(shared);
        full.put("kind", kind.templateName()); // templates compare names: kind == "term"
        return new Output(kind, format, path, origin, source, inputs, () -> {
            String out = templates.render(template, full);
            if (relative) {
                out = RelativeLinks.rewrite(out, path, basePath);
            }
            return out.getBytes(StandardCharsets.UTF_8);
        });
    }
}
