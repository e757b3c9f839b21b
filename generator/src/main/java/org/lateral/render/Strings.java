package org.lateral.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lateral.LateralException;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;

/**
 * The theme's words in the site's language ({@code i18n/cy.yaml}), English as the fallback, and
 * the site's own {@code i18n/<language>.yaml} on top; a theme that extends another has its
 * parent's words under its own. Adding a language is one YAML file of
 * {@code key: text} lines. Immutable, thread-safe.
 */
public final class Strings {

    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,35}");

    private final Map<String, String> strings;
    private final Locale locale;

    private Strings(Map<String, String> strings, Locale locale) {
        this.strings = Map.copyOf(strings);
        this.locale = locale;
    }

    public static Strings load(Theme theme, Path siteDir, String language, Locale locale) {
        if (!LANGUAGE.matcher(language).matches()) {
            // never a path: "../../x" would read a .yaml file outside the site
            throw new LateralException(org.lateral.Problem.error(Path.of("site.yaml"), 0, 0,
                    "the language \"" + language + "\" is not a language code",
                    "write a code such as language: en-GB, cy or fr (letters, digits and hyphens only)"));
        }
        Map<String, String> out = new HashMap<>();
        List<Theme> chain = new java.util.ArrayList<>(theme.chain());
        java.util.Collections.reverse(chain); // the farthest parent first: a theme's own words replace its parent's
        for (Theme t : chain) {
            t.strings("en").ifPresent(p -> read(p, Path.of(t.shown(), "i18n", "en.yaml"), out));
        }
        String base = language.split("-")[0];
        for (String lang : List.of(base, language)) {
            if (!lang.equals("en")) {
                for (Theme t : chain) {
                    t.strings(lang).ifPresent(p -> read(p, Path.of(t.shown(), "i18n", lang + ".yaml"), out));
                }
            }
            Path own = siteDir.resolve("i18n").resolve(lang + ".yaml");
            if (Files.isRegularFile(own) && !org.lateral.content.SiteLinks.leaves(own, siteDir)
                    && !org.lateral.content.SiteLinks.leaves(own.getParent(), siteDir)) {
                read(own, siteDir.relativize(own), out);
            }
        }
        return new Strings(out, locale);
    }

    private static void read(Path file, Path shown, Map<String, String> out) {
        try {
            YamlNode root = Yaml.parse(Files.readString(file, StandardCharsets.UTF_8), shown, 1);
            root.asMap().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t)));
        } catch (Yaml.YamlException e) {
            throw new LateralException(e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}} filled in; the key itself when unknown. */
    public String get(String key, Object... args) {
        String pattern = strings.get(key);
        if (pattern == null) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Compiled c = formats.computeIfAbsent(key, k -> new Compiled(new MessageFormat(pattern.replace("'", "''"), locale),
                java.text.NumberFormat.getInstance(locale)));
        List<Object> memo = values(args);
        if (memo != null) {
            String done = c.made().get(memo);
            if (done != null) {
                return done;
            }
        }
        String text;
        synchronized (c) { // neither format is thread-safe; pages are rendered in parallel
            Object[] shown = args;
            if (c.plain()) {
                // what MessageFormat does with a number in a plain {0}, without a new NumberFormat each time
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof Number) {
                        if (shown == args) {
                            shown = args.clone();
                        }
                        shown[i] = c.number().format(args[i]);
                    }
                }
            }
            text = c.format().format(shown);
        }
        if (memo != null && c.made().size() < MADE) {
            c.made().putIfAbsent(memo, text);
        }
        return text;
    }

    /** How many texts of one key are kept ({@code t("reading_time", n)} on every page has a few distinct n). */
    private static final int MADE = 1024;

    /**
     * The arguments as a key of texts already made, when each is a text or a whole number (immutable,
     * and equal only to what formats the same); null when one is anything else.
     */
    private static List<Object> values(Object[] args) {
        for (Object a : args) {
            if (!(a instanceof String || a instanceof Integer || a instanceof Long)) {
                return null;
            }
        }
        return List.of(args);
    }

    /**
     * A string's pattern, read once (templates ask for {@code t("reading_time", n)} on every page),
     * the number format for its arguments when none of its elements names a format of its own
     * ({@code {0}}, not {@code {0,number,#}}), and the texts made of it, by their arguments.
     */
    private record Compiled(MessageFormat format, java.text.NumberFormat number, boolean plain,
            Map<List<Object>, String> made) {
        Compiled(MessageFormat format, java.text.NumberFormat number) {
            this(format, number, java.util.Arrays.stream(format.getFormats()).allMatch(java.util.Objects::isNull),
                    new java.util.concurrent.ConcurrentHashMap<>());
        }
    }

    private final java.util.concurrent.ConcurrentHashMap<String, Compiled> formats =
            new java.util.concurrent.ConcurrentHashMap<>();

    public Optional<String> find(String key) {
        return Optional.ofNullable(strings.get(key));
    }
}
