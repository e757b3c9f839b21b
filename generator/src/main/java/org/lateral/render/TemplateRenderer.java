package org.lateral.render;

import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.Version;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * FreeMarker, configured once per session (a build session keeps it while the site's settings,
 * words and theme are the same, and {@link #forget}s its parsed templates when a template changes): HTML output format (every {@code ${…}} is escaped
 * unless the template says {@code ?no_esc}), no {@code ?new}, {@code ?api} or {@code ?interpret},
 * records readable as {@code page.title}, {@code Optional}s seen as missing values, and nothing
 * but the model's plain values reachable ({@link TemplateSandbox}). Templates come from the
 * site's {@code templates/} folder first, then the theme's, then the themes it extends
 * ({@link Theme#templateLayers()}), never through a link out of them. Templates see the theme's
 * options as {@code theme} ({@code theme.crest}, {@code theme.name}).
 *
 * <p>Immutable after construction and thread-safe: pages are rendered in parallel with one
 * instance.
 *
 * <pre>{@code
 * TemplateRenderer r = new TemplateRenderer(siteDir, theme, Locale.UK, zone, strings);
 * String html = r.render("post.ftlh", Map.of("site", site, "page", page));
 * }</pre>
 */
public final class TemplateRenderer {

    private static final Version VERSION = Configuration.VERSION_2_3_33;

    private final Configuration cfg;
    /** The site's templates/, then each theme of the chain's: where a template is looked for, in order. */
    private final List<PathTemplateLoader> layers = new ArrayList<>();
    private final List<Path> shownLayers = new ArrayList<>();
    private final Theme theme;
    /** Each template's problems with the templates it imports or includes, once found ({@link #missing}). */
    private final Map<String, List<Problem>> imports = new java.util.concurrent.ConcurrentHashMap<>();

    public TemplateRenderer(Path siteDir, Theme theme, Locale locale, ZoneId zone, Strings strings) {
        this.theme = theme;
        layers.add(new PathTemplateLoader(siteDir.resolve("templates"), Path.of("templates")));
        shownLayers.add(Path.of("templates"));
        for (Theme.Layer l : theme.templateLayers()) {
            layers.add(new PathTemplateLoader(l.dir(), l.shown()));
            shownLayers.add(l.shown());
        }
        cfg = new Configuration(VERSION);
        cfg.setTemplateLoader(new MultiTemplateLoader(layers.toArray(new TemplateLoader[0])));
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(locale);
        cfg.setTimeZone(TimeZone.getTimeZone(zone));
        cfg.setLocalizedLookup(false);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setNumberFormat("computer");
        cfg.setObjectWrapper(TemplateSandbox.wrapper(VERSION));
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        try {
            for (Map.Entry<String, TemplateModel> f : TemplateFunctions.create(locale, zone, strings).entrySet()) {
                cfg.setSharedVariable(f.getKey(), f.getValue());
            }
            // theme.name, theme.crest…: the theme's options, the site's theme: settings over their defaults
            Map<String, Object> shown = new java.util.LinkedHashMap<>(theme.options());
            shown.putIfAbsent("name", theme.name());
            shown.putIfAbsent("description", theme.description());
            cfg.setSharedVariable("theme", java.util.Collections.unmodifiableMap(shown));
        } catch (freemarker.template.TemplateModelException | RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets every parsed template (and every template found missing), so that the next page
     * reads them again: for a long-lived engine whose templates changed on disk. Not while pages
     * are being rendered with it.
     */
    public void forget() {
        cfg.clearTemplateCache();
        imports.clear();
    }

    /**
     * One problem for each template the pages need that neither the site nor the theme has, and for
     * each template they import or include ({@code <#import "partials/layout.ftlh" as layout>}) that
     * is missing, at that line: so that a theme lacking a template fails once, naming it and what
     * needs it, instead of once on every page.
     *
     * @param needs each template the plan renders, with who needs it ({@code the "post" pages need (the first: …)})
     */
    public List<Problem> missing(Map<String, String> needs) {
        Map<String, Problem> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> need : needs.entrySet()) {
            String name = need.getKey();
            if (!exists(name)) {
                out.putIfAbsent(name, Problem.error(Path.of(theme.shown(), "templates", name), 0, 0,
                        "the theme \"" + theme.name() + "\" has no template " + name + ", which " + need.getValue(),
                        fixFor(name)));
                continue;
            }
            for (Problem p : importProblems(name, new java.util.HashSet<>())) {
                out.putIfAbsent(p.message(), p);
            }
        }
        return List.copyOf(out.values());
    }

    private String fixFor(String name) {
        boolean extendsSomething = theme.parent().isPresent();
        return "add templates/" + name + " to the site or to the theme"
                + (extendsSomething ? "" : ", or write extends: default in the theme's theme.yaml so that the default"
                        + " theme's " + name + " is used");
    }

    private static final java.util.regex.Pattern IMPORT = java.util.regex.Pattern.compile(
            "<#(?:import|include)\\s+[\"']([^\"']+)[\"']");

    /** Problems with the templates {@code name} imports or includes, and theirs in turn. */
    private List<Problem> importProblems(String name, java.util.Set<String> seen) {
        if (!seen.add(name)) {
            return List.of();
        }
        List<Problem> found = imports.get(name);
        if (found != null) {
            return found;
        }
        List<Problem> out = new ArrayList<>();
        Optional<Layered> source = source(name);
        if (source.isPresent()) {
            String text = source.get().text();
            java.util.regex.Matcher m = IMPORT.matcher(text);
            while (m.find()) {
                String target = resolveRelative(name, m.group(1));
                if (target.contains("${")) {
                    continue;
                }
                if (!exists(target)) {
                    int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    int col = m.start() - text.lastIndexOf('\n', m.start() - 1);
                    out.add(Problem.error(source.get().shown(), line, col,
                            "the template " + target + " that this template imports cannot be found in the site's"
                                    + " templates/ folder or in the theme \"" + theme.name() + "\"",
                            fixFor(target)));
                } else {
                    out.addAll(importProblems(target, seen));
                }
            }
        }
        List<Problem> done = List.copyOf(out);
        imports.put(name, done);
        return done;
    }

    /** A template's text and how problems name its file. */
    private record Layered(String text, Path shown) {
    }

    private Optional<Layered> source(String name) {
        for (int i = 0; i < layers.size(); i++) {
            Object src = layers.get(i).findTemplateSource(name);
            if (src instanceof Path p) {
                try {
                    return Optional.of(new Layered(java.nio.file.Files.readString(p, java.nio.charset.StandardCharsets.UTF_8),
                            shownLayers.get(i).resolve(name)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (src != null) {
                return Optional.empty(); // refused: reported when it is used
            }
        }
        return Optional.empty();
    }

    /** {@code meta.ftlh} imported by {@code partials/layout.ftlh} is {@code partials/meta.ftlh}; {@code /x} is from the root. */
    private static String resolveRelative(String from, String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        int slash = from.lastIndexOf('/');
        return slash < 0 ? target : from.substring(0, slash + 1) + target;
    }

    /** Whether a template of that name exists in the site or the theme. */
    public boolean exists(String name) {
        try {
            cfg.getTemplate(name);
            return true;
        } catch (TemplateNotFoundException e) {
            return false;
        } catch (ParseException | PathTemplateLoader.RefusedTemplate e) {
            return true; // it exists; the error is reported when it is used
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders a template.
     *
     * @throws LateralException naming the template file and line when the template is wrong
     */
    public String render(String name, Map<String, Object> model) {
        try {
            Template template = cfg.getTemplate(name);
            StringWriter out = new StringWriter(16 * 1024);
            template.process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new LateralException(Problem.error(Path.of("templates", name), 0, 0,
                    "there is no template \"" + name + "\" in the site's templates/ folder or in "
                            + theme.shown(),
                    "create templates/" + name + ", or remove the layout: setting that asks for it"));
        } catch (ParseException e) {
            throw parseProblem(e);
        } catch (TemplateException e) {
            String template = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
            int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
            int col = e.getColumnNumber() == null ? 0 : e.getColumnNumber();
            throw new LateralException(Problem.error(shownPath(template), line, col,
                    "this template failed while building a page: " + firstLine(e.getMessageWithoutStackTop()),
                    hint(e)));
        } catch (PathTemplateLoader.RefusedTemplate e) {
            throw new LateralException(e.problem());
        } catch (IOException e) {
            // a template that failed to load before ({@link #exists}, {@link #missing}) fails again with
            // FreeMarker's "error on an earlier attempt", the first failure as its cause
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ParseException p) {
                    throw parseProblem(p);
                }
                if (c instanceof PathTemplateLoader.RefusedTemplate r) {
                    throw new LateralException(r.problem());
                }
            }
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    private LateralException parseProblem(ParseException e) {
        return new LateralException(Problem.error(shownPath(e.getTemplateName()), e.getLineNumber(),
                e.getColumnNumber(), "this template cannot be read: " + firstLine(e.getEditorMessage()),
                "check the FreeMarker tags on this line: every <#if>, <#list> and <@macro> needs its closing tag"));
    }

    private Path shownPath(String templateName) {
        if (templateName == null) {
            return Path.of("templates");
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).has(templateName)) {
                return shownLayers.get(i).resolve(templateName);
            }
        }
        return Path.of(theme.shown(), "templates", templateName);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown template error";
        }
        List<String> lines = new ArrayList<>();
        for (String l : message.strip().split("\\R")) {
            if (l.startsWith("----") || l.startsWith("Tip:") || l.startsWith("FTL stack")) {
                break;
            }
            if (!l.isBlank()) {
                lines.add(l.strip());
            }
        }
        return String.join(" ", lines);
    }

    private static String hint(TemplateException e) {
        String m = String.valueOf(e.getMessageWithoutStackTop());
        if (m.contains("null or missing")) {
            return "a value used here is missing; write ${x!} to allow it to be empty, or <#if x??> to test for it";
        }
        return "compare this line with the theme's own template of the same name";
    }
}
