package org.lateral.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lateral.Problem;

/**
 * The {@code theme:} setting of site.yaml: either a theme's name ({@code theme: default}) or a map
 * of the name and the theme's options ({@code theme: { name: default, accent: "#1d6b57", logo:
 * logo.svg }}). Templates see the options as {@code theme} ({@code theme.accent},
 * {@code theme.logo}); a theme's {@code theme.yaml} may give defaults under them.
 *
 * <p>Two options are checked here, because every theme can rely on them:
 * <ul>
 *   <li>{@code accent}: a colour {@code #rgb} or {@code #rrggbb}. The theme gets it as written
 *       ({@code accent}) and, so that text stays readable (WCAG 2.2: 4.5:1), colours derived from
 *       it: {@code accentText} (the accent darkened until links in it reach 4.5:1 on the light
 *       background), {@code accentDark} (lightened until it reaches 4.5:1 on the dark background)
 *       and {@code onAccent}/{@code onAccentDark} (black or white, whichever reads better on each).
 *       An accent that needed darkening gets a warning saying so.</li>
 *   <li>{@code logo} (and the school theme's {@code crest}): a picture in the site's {@code static/}
 *       folder (copied to the output as every static file is); templates get its address relative to
 *       the site's root. A name that is not there is an error naming the nearest file that is.</li>
 * </ul>
 * Any other option is passed to templates as written (plain text, numbers, yes/no).
 */
public final class ThemeOptions {

    /** The theme's backgrounds the accent is checked against (themes/default's --bg). */
    public static final String LIGHT_BACKGROUND = "#fbfaf7";
    public static final String DARK_BACKGROUND = "#15181c";
    static final double TEXT_CONTRAST = 4.5;
    /** How much of the accent the theme's tinted panels hold (themes/default: 9 %), with a margin. */
    static final double PANEL_TINT = 0.12;

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    /** The options derived from {@code accent} ({@link #shades}): templates read them, no theme declares them. */
    public static final java.util.Set<String> DERIVED = java.util.Set.of("accentText", "accentDark", "onAccent",
            "onAccentDark");

    private ThemeOptions() {
    }

    /** The theme's name and its options, as read from {@code theme:}. */
    public record Read(String name, Map<String, Object> options) {
    }

    /**
     * Reads {@code theme:}; problems (errors and warnings) are added to the lists given.
     *
     * @param siteDir the site's folder, to find the logo in; null skips that check (tests of YAML alone)
     */
    public static Read read(Optional<YamlNode> node, Path file, Path siteDir, List<Problem> errors,
                            List<Problem> warnings) {
        if (node.isEmpty() || node.get().isNull()) {
            return new Read("default", Map.of());
        }
        YamlNode theme = node.get();
        if (theme.isScalar()) {
            return new Read(theme.text().orElse("default").strip(), Map.of());
        }
        if (!theme.isMap()) {
            errors.add(Problem.error(file, theme.line(), theme.column(),
                    "theme: must be a theme's name or its settings",
                    "write theme: default, or\ntheme:\n  name: default\n  accent: \"#1d6b57\""));
            return new Read("default", Map.of());
        }
        String name = "default";
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : theme.asMap().entrySet()) {
            String key = e.getKey();
            YamlNode value = e.getValue();
            int line = theme.keyLine(key);
            int column = theme.keyColumn(key);
            switch (key) {
                case "name" -> name = value.text().map(String::strip).filter(s -> !s.isEmpty()).orElse("default");
                case "accent" -> accent(value, file, line, column, errors, warnings).ifPresent(options::putAll);
                case "logo", "crest" -> picture(key, value, file, siteDir, errors).ifPresent(l -> options.put(key, l));
                default -> {
                    Object plain = value.toPlain();
                    if (plain != null) {
                        options.put(key, plain);
                    }
                }
            }
        }
        return new Read(name, java.util.Collections.unmodifiableMap(options));
    }

    private static Optional<Map<String, Object>> accent(YamlNode value, Path file, int line, int column,
                                                        List<Problem> errors, List<Problem> warnings) {
        String text = value.text().map(String::strip).orElse("");
        if (!HEX.matcher(text).matches()) {
            errors.add(Problem.error(file, value.line(), value.column(),
                    "the accent colour \"" + text + "\" is not a colour Lateral can read",
                    "write it as a hex colour in quotes, e.g. accent: \"#1d6b57\" (a # and six digits 0-9, a-f)"));
            return Optional.empty();
        }
        int rgb = parse(text);
        // text in the accent also sits on panels tinted with it (quotations, the series box): checked on those
        int light = mix(parse(LIGHT_BACKGROUND), rgb, PANEL_TINT);
        int accentText = towards(rgb, 0x000000, light);
        int dark = mix(parse(DARK_BACKGROUND), towards(rgb, 0xffffff, parse(DARK_BACKGROUND)), PANEL_TINT);
        int accentDark = towards(rgb, 0xffffff, dark);
        if (accentText != rgb) {
            warnings.add(Problem.warning(file, value.line(), value.column(),
                    String.format(Locale.ROOT, "the accent colour %s is too light for text on the page (contrast %.1f:1, "
                            + "4.5:1 is needed), so links use the darker %s", text, contrast(rgb, light), hex(accentText)),
                    "choose a darker accent, e.g. accent: \"" + hex(accentText) + "\", or keep it: headings and lines "
                            + "use your colour, text the darker one"));
        }
        return Optional.of(shades(rgb, accentText, accentDark));
    }

    /**
     * The accent and its readable shades ({@code accentText}, {@code accentDark}, {@code onAccent},
     * {@code onAccentDark}), for an accent given as a default in a theme's theme.yaml; empty when it
     * is not a colour.
     */
    public static Map<String, Object> shades(String accent) {
        String text = accent == null ? "" : accent.strip();
        if (!HEX.matcher(text).matches()) {
            return Map.of();
        }
        int rgb = parse(text);
        int light = mix(parse(LIGHT_BACKGROUND), rgb, PANEL_TINT);
        int dark = mix(parse(DARK_BACKGROUND), towards(rgb, 0xffffff, parse(DARK_BACKGROUND)), PANEL_TINT);
        return shades(rgb, towards(rgb, 0x000000, light), towards(rgb, 0xffffff, dark));
    }

    private static Map<String, Object> shades(int rgb, int accentText, int accentDark) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accent", hex(rgb));
        out.put("accentText", hex(accentText));
        out.put("accentDark", hex(accentDark));
        out.put("onAccent", hex(onColour(accentText)));
        out.put("onAccentDark", hex(onColour(accentDark)));
        return out;
    }

    /**
     * A picture option ({@code logo:}, the school theme's {@code crest:}): a file in the site's static/
     * folder; one that is not there is an error naming the nearest file that is ({@code Logo.SVG} →
     * {@code logo.svg}), as a picture the page cannot load would otherwise go unnoticed.
     */
    private static Optional<String> picture(String key, YamlNode value, Path file, Path siteDir, List<Problem> errors) {
        String text = value.text().map(String::strip).orElse("").replace('\\', '/');
        if (text.isEmpty() && !key.equals("logo")) {
            return Optional.of(""); // crest: "" (as lateral new site --theme school writes it) is none yet
        }
        String inStatic = text.startsWith("static/") ? text.substring("static/".length())
                : text.startsWith("/") ? text.substring(1) : text;
        if (inStatic.isEmpty() || inStatic.contains("..") || inStatic.contains("://")) {
            errors.add(Problem.error(file, value.line(), value.column(),
                    "the " + key + " \"" + text + "\" is not a file of the site",
                    "put the picture in the site's static/ folder and write its name, e.g. " + key + ": " + key + ".svg"));
            return Optional.empty();
        }
        if (siteDir != null && !Files.isRegularFile(siteDir.resolve("static").resolve(inStatic))) {
            Optional<String> near = org.lateral.internal.Suggestions.closest(inStatic, staticFiles(siteDir));
            errors.add(Problem.error(file, value.line(), value.column(),
                    "the " + key + " static/" + inStatic + " does not exist",
                    near.map(n -> "did you mean " + n + "? write " + key + ": " + n + ", or put")
                            .orElse("put") + " the picture at static/" + inStatic
                            + " in the site's folder, or correct the name after " + key + ":"));
            return Optional.empty();
        }
        return Optional.of(inStatic);
    }

    /** The files in the site's static/ folder, as paths from it ({@code logo.svg}, {@code img/crest.png}). */
    private static List<String> staticFiles(Path siteDir) {
        Path dir = siteDir.resolve("static");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 3)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** The colour moved step by step towards {@code target} until it reaches 4.5:1 on {@code background}. */
    static int towards(int rgb, int target, int background) {
        int c = rgb;
        for (int step = 1; step <= 20 && contrast(c, background) < TEXT_CONTRAST; step++) {
            c = mix(rgb, target, step / 20.0);
        }
        return c;
    }

    /** Black or white text, whichever contrasts more with the colour. */
    static int onColour(int rgb) {
        return contrast(rgb, 0xffffff) >= contrast(rgb, 0x111111) ? 0xffffff : 0x111111;
    }

    /** WCAG 2 contrast ratio of two colours (1 to 21). */
    public static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    static int parse(String hex) {
        String h = hex.substring(1);
        if (h.length() == 3) {
            h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
        }
        return Integer.parseInt(h, 16);
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }
}
