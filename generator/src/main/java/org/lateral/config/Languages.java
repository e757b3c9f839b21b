package org.lateral.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.internal.Suggestions;

/**
 * Checks a language setting ({@code language:} in site.yaml, {@code lang:} in a post) is a BCP 47
 * tag such as {@code en-GB} or {@code cy}, and suggests the tag for a language's name ("Welsh",
 * "Cymraeg"), looked up in the JDK's own names of its locales, in English and in the language.
 */
public final class Languages {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Language and region names (lower case) → tag; built once, on first use. */
    private static final class Names {
        static final Map<String, String> BY_NAME = build();

        private static Map<String, String> build() {
            Map<String, String> names = new HashMap<>();
            // teachers in the UK mean British English
            names.put("english", "en-GB");
            names.put("british english", "en-GB");
            names.put("british", "en-GB");
            names.put("american english", "en-US");
            for (Locale l : Locale.getAvailableLocales()) {
                if (l.getLanguage().isEmpty() || !l.getVariant().isEmpty() || !l.getScript().isEmpty()) {
                    continue;
                }
                if (l.getCountry().isEmpty()) {
                    names.putIfAbsent(l.getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT), l.getLanguage());
                    names.putIfAbsent(l.getDisplayLanguage(l).toLowerCase(l), l.getLanguage());
                } else if (l.getCountry().length() == 2) {
                    names.putIfAbsent(l.getDisplayName(Locale.ENGLISH).toLowerCase(Locale.ROOT), l.toLanguageTag());
                }
            }
            return Map.copyOf(names);
        }
    }

    private Languages() {
    }

    /** Whether {@code tag} is a well-formed BCP 47 tag of a real language (and region, if it has one). */
    public static boolean isTag(String tag) {
        Locale l;
        try {
            l = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return false;
        }
        String lang = l.getLanguage();
        boolean language = lang.length() == 2 ? ISO_LANGUAGES.contains(lang) : lang.length() == 3;
        String region = l.getCountry();
        return language && (region.length() != 2 || ISO_COUNTRIES.contains(region));
    }

    /** The tag a teacher most likely meant by {@code text} ("Welsh" → {@code cy}, "en_GB" → {@code en-GB}). */
    public static Optional<String> suggest(String text) {
        String s = text.strip();
        String dashed = s.replace('_', '-');
        if (isTag(dashed)) {
            return Optional.of(Locale.forLanguageTag(dashed).toLanguageTag());
        }
        String[] parts = dashed.split("-");
        if (parts.length == 2 && parts[1].equalsIgnoreCase("UK") && isTag(parts[0])) {
            return Optional.of(parts[0].toLowerCase(Locale.ROOT) + "-GB");
        }
        String name = s.toLowerCase(Locale.ROOT);
        String exact = Names.BY_NAME.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Suggestions.closest(name, Names.BY_NAME.keySet()).map(Names.BY_NAME::get);
    }

    /**
     * A positioned error when {@code value} is not a language tag, naming the tag to write instead.
     *
     * @param key the setting as written ({@code language} or {@code lang}), for the fix text
     */
    public static Optional<Problem> check(String value, String key, Path file, int line, int column) {
        String v = value.strip();
        if (isTag(v)) {
            return Optional.empty();
        }
        Optional<String> meant = suggest(v);
        String message = "\"" + v + "\" is not a language code" + meant.map(m -> "; did you mean `" + m + "`?").orElse("");
        String fix = meant.map(m -> "write " + key + ": " + m).orElse("write a language code")
                + " (codes are short: en-GB for British English, cy Welsh, ga Irish, gd Scottish Gaelic, fr, de, es, pl, ur, pa, ar)";
        return Optional.of(Problem.error(file, line, column, message, fix));
    }
}
