package org.lateral.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteLanguages;
import org.lateral.content.Source;
import org.lateral.render.Strings;
import org.lateral.render.TemplateRenderer;
import org.lateral.render.Theme;
import org.lateral.site.Site;

/**
 * Which side of a bilingual site each post and page is on, and which are translations of each
 * other. A post is in the language of its {@code lang:} (one of {@code languages:}, else an error
 * at that line), else of its file's name ({@code oracy.cy.md}), else the site's main language;
 * events are always on the main side. Translations share a translation key: {@code translationKey:},
 * else the file's name without its language ({@code oracy.md}, {@code oracy.cy.md}); two posts of one
 * language with one key are an error. On a one-language site every source is on its one side, and a
 * file named like {@code oracy.cy.md} is warned about: it would be a Welsh post on a bilingual site.
 */
final class LanguageSides {

    /**
     * @param byLanguage each language's sources, the main language first
     * @param keys       each post's and page's translation key (empty on a one-language site)
     */
    record Split(Map<String, List<Source>> byLanguage, Map<Path, String> keys) {
    }

    private LanguageSides() {
    }

    /**
     * The template engine of each other language's side (its words, dates in its language) and
     * each language's "Read in …" words, made with the main engine and kept as long as it is.
     */
    static final class Engines {
        private final Map<String, TemplateRenderer> renderers;
        private final Map<String, String> readIn;

        private Engines(Map<String, TemplateRenderer> renderers, Map<String, String> readIn) {
            this.renderers = renderers;
            this.readIn = readIn;
        }

        TemplateRenderer renderer(String lang) {
            return renderers.get(lang);
        }

        /** The parsed templates of every side's engine are forgotten (the templates changed). */
        void forget() {
            renderers.values().forEach(TemplateRenderer::forget);
        }

        /** What templates see as {@code translations}: every side's pages, their keys and words. */
        org.lateral.site.Translations translations(SiteConfig config, Map<String, Site> sites, Map<Path, String> keys) {
            return org.lateral.site.Translations.of(config.languages(), sites, keys, l -> readIn.getOrDefault(l, ""));
        }
    }

    /** @param strings the main language's words */
    static Engines engines(SiteConfig config, Theme theme, Path siteDir, Strings strings) {
        Map<String, TemplateRenderer> renderers = new HashMap<>();
        Map<String, String> readIn = new HashMap<>();
        if (config.languages().multilingual()) {
            readIn.put(config.language(), strings.get("read_in"));
            for (String lang : config.languages().others()) {
                SiteConfig side = config.side(lang);
                Strings words = Strings.load(theme, siteDir, side.language(), side.locale());
                renderers.put(lang, new TemplateRenderer(siteDir, theme, side.locale(), side.timezone(), words));
                readIn.put(lang, words.get("read_in"));
            }
        }
        return new Engines(Map.copyOf(renderers), Map.copyOf(readIn));
    }

    /** The other languages' sites by their folder ({@code cy/}). */
    static Map<String, Site> byFolder(SiteConfig config, Map<String, Site> sites) {
        Map<String, Site> out = new LinkedHashMap<>();
        sites.forEach((lang, site) -> {
            String folder = config.languages().prefix(lang);
            if (!folder.isEmpty()) {
                out.put(folder, site);
            }
        });
        return out;
    }

    static Split split(SiteConfig config, List<Source> sources, List<Problem> problems) {
        SiteLanguages languages = config.languages();
        Map<String, List<Source>> out = new LinkedHashMap<>();
        if (!languages.multilingual()) {
            for (Source s : sources) {
                if (!s.isEvent()) {
                    SiteLanguages.suffix(s.name()).ifPresent(tag -> problems.add(Problem.warning(s.path(), 1, 1,
                            "the file's name ends in \"." + tag + "\", which marks a post in another language on a "
                                    + "bilingual site, but site.yaml has no languages:, so it is published as it is, "
                                    + "with \"." + tag + "\" in its address",
                            "to publish it on its own side of the site under /" + tag + "/, add languages: ["
                                    + config.language() + ", " + tag + "] to site.yaml; otherwise rename the file")));
                }
            }
            out.put(config.language(), sources);
            return new Split(out, Map.of());
        }
        languages.tags().forEach(t -> out.put(t, new ArrayList<>()));
        Map<Path, String> keys = new HashMap<>();
        Map<String, Source> claimed = new HashMap<>();
        for (Source s : sources) {
            if (s.isEvent()) {
                out.get(languages.main()).add(s);
                continue;
            }
            Optional<String> lang = language(s, languages, problems);
            if (lang.isEmpty()) {
                continue; // an error said why
            }
            out.get(lang.get()).add(s);
            if (!lang.get().equals(languages.main()) && s.frontMatter().cpd().isPresent()) {
                Integer line = s.frontMatter().keyLines().get("cpd");
                problems.add(Problem.warning(s.path(), line == null ? 1 : line, 1,
                        "the CPD record (cpd/) lists the site's " + english(languages.main()) + " posts only, so this "
                                + english(lang.get()) + " post's cpd: is not counted",
                        "put the cpd: lines on the " + english(languages.main()) + " version of the post (or on an "
                                + english(languages.main()) + " post about the same activity)"));
            }
            Object explicit = s.frontMatter().params().get("translationKey");
            String key = explicit != null && !explicit.toString().isBlank() ? "key " + explicit.toString().strip()
                    : s.section() + " " + languages.withoutSuffix(s.name());
            Source other = claimed.putIfAbsent(lang.get() + "\u0000" + key, s);
            if (other != null) {
                Integer line = s.frontMatter().keyLines().get("translationKey");
                String what = explicit != null ? "translationKey: " + explicit.toString().strip()
                        : "the file name \"" + languages.withoutSuffix(s.name()) + "\"";
                problems.add(Problem.error(s.path(), line == null ? 1 : line, 1,
                        "this and " + other.path() + " are both the " + english(lang.get()) + " (" + lang.get()
                                + ") version of " + what + "; each language can have one version of a post",
                        explicit != null ? "give one of them another translationKey:, or remove it from the one that is "
                                + "not a translation" : "add translationKey: with a different word to one of them, "
                                + "or set lang: on the one that is in another language"));
                continue;
            }
            keys.put(s.path(), key);
        }
        return new Split(out, keys);
    }

    /** A source's language: {@code lang:}, else the file name's mark, else the main language. */
    private static Optional<String> language(Source s, SiteLanguages languages, List<Problem> problems) {
        Object lang = s.frontMatter().params().get("lang");
        Optional<String> marked = SiteLanguages.suffix(s.name());
        if (lang != null) {
            String tag = lang.toString().strip();
            Integer line = s.frontMatter().keyLines().get("lang");
            Optional<String> known = languages.find(tag);
            if (known.isEmpty()) {
                problems.add(Problem.error(s.path(), line == null ? 1 : line, 1,
                        "lang: " + tag + " is not one of the site's languages (languages: " + languages.tags()
                                + " in site.yaml)",
                        "write lang: " + languages.others().get(0) + " (or another of " + String.join(", ",
                                languages.tags()) + "), or add " + tag + " to languages: in site.yaml"));
                return Optional.empty();
            }
            Optional<String> markedKnown = marked.flatMap(languages::find);
            if (markedKnown.isPresent() && !markedKnown.get().equals(known.get())) {
                problems.add(Problem.error(s.path(), line == null ? 1 : line, 1,
                        "the file's name says it is in " + markedKnown.get() + " but lang: says " + tag,
                        "rename the file or change lang:, so both say the post's language"));
                return Optional.empty();
            }
            return known;
        }
        return Optional.of(marked.flatMap(languages::find).orElse(languages.main()));
    }

    /** {@code cy} → {@code Welsh}: a language's name in the messages, which are in English. */
    private static String english(String lang) {
        String n = java.util.Locale.forLanguageTag(lang).getDisplayLanguage(java.util.Locale.ENGLISH);
        return n.isEmpty() ? lang : n;
    }
}
