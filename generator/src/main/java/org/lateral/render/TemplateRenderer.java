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
import java.util.TimeZone;
import org.lateral.LateralException;
import org.lateral.Problem;

/**
 * FreeMarker, configured once per session (a build session keeps it while the site's settings,
 * words and theme are the same, and {@link #forget}s its parsed templates when a template changes): HTML output format (every {@code ${…}} is escaped
 * unless the template says {@code ?no_esc}), no {@code ?new}, {@code ?api} or {@code ?interpret},
 * records readable as {@code page.title}, {@code Optional}s seen as missing values, and nothing
 * but the model's plain values reachable ({@link TemplateSandbox}). Templates come from the
 * site's {@code templates/} folder first, then the theme's, never through a link out of them.
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
    private final PathTemplateLoader siteTemplates;
    private final Theme theme;

    public TemplateRenderer(Path siteDir, Theme theme, Locale locale, ZoneId zone, Strings strings) {
        this(siteDir, theme, locale, zone, strings, Map.of());
    }

    /**
     * An engine whose templates see {@code themeOptions} (site.yaml's {@code theme:} options, see
     * {@link org.lateral.config.ThemeOptions}) as {@code theme}: {@code theme.accent}, {@code theme.logo}.
     */
    public TemplateRenderer(Path siteDir, Theme theme, Locale locale, ZoneId zone, Strings strings,
                            Map<String, Object> themeOptions) {
        this.theme = theme;
        this.siteTemplates = new PathTemplateLoader(siteDir.resolve("templates"), Path.of("templates"));
        cfg = new Configuration(VERSION);
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {
            siteTemplates, new PathTemplateLoader(theme.templates(), Path.of(theme.shown(), "templates"))}));
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
            cfg.setSharedVariable("theme", cfg.getObjectWrapper().wrap(Map.copyOf(themeOptions)));
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
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
            throw new LateralException(Problem.error(shownPath(e.getTemplateName()), e.getLineNumber(),
                    e.getColumnNumber(), "this template cannot be read: " + firstLine(e.getEditorMessage()),
                    "check the FreeMarker tags on this line: every <#if>, <#list> and <@macro> needs its closing tag"));
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
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    private Path shownPath(String templateName) {
        if (templateName == null) {
            return Path.of("templates");
        }
        if (siteTemplates.has(templateName)) {
            return Path.of("templates", templateName);
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
