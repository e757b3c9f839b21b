package org.lateral.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.nio.file.Path;
import org.lateral.config.SiteLanguages;

/**
 * The languages of a bilingual site as templates see them ({@code translations}): which pages are
 * translations of each other (those sharing a translation key, front matter's
 * {@code translationKey:}, else the file's name without its language: {@code oracy.md} and
 * {@code oracy.cy.md}), each page's language, and where the language switcher of any page goes.
 * A one-language site has {@link #NONE}, which templates see as having no languages.
 */
public final class Translations {

    /** The translations of a site in one language: none. */
    public static final Translations NONE = new Translations(SiteLanguages.NONE, Map.of(), Map.of(), Map.of(), Map.of(),
            l -> "");

    /**
     * A language's link: its code ({@code cy}), its name in itself ({@code Cymraeg}), and an address.
     *
     * @param url       relative URL, base path included
     * @param permalink absolute URL
     * @param title     the title of the page it leads to (a translation's, or the side's home page's)
     * @param readIn    "Read in English", "Darllen yn Gymraeg": the theme's {@code read_in} in that language
     */
    public record Link(String lang, String name, String url, String permalink, String title, String readIn) {
        public Link {
            Objects.requireNonNull(lang, "lang");
        }
    }

    private final SiteLanguages languages;
    /** Each side by language: its site. */
    private final Map<String, Site> sides;
    /** translation key → language → page. */
    private final Map<String, Map<String, Page>> byKey;
    /** source → translation key. */
    private final Map<Path, String> keys;
    /** source → language. */
    private final Map<Path, String> langs;
    private final java.util.function.Function<String, String> readIn;

    private Translations(SiteLanguages languages, Map<String, Site> sides, Map<String, Map<String, Page>> byKey,
            Map<Path, String> keys, Map<Path, String> langs, java.util.function.Function<String, String> readIn) {
        this.languages = languages;
        this.sides = sides;
        this.byKey = byKey;
        this.keys = keys;
        this.langs = langs;
        this.readIn = readIn;
    }

    /**
     * @param sides each language's side, the main language first
     * @param keys  each post's and page's translation key, by source
     * @param readIn a language → "Read in English", "Darllen yn Gymraeg" (the theme's {@code read_in} in it)
     */
    public static Translations of(SiteLanguages languages, Map<String, Site> sides, Map<Path, String> keys,
            java.util.function.Function<String, String> readIn) {
        if (!languages.multilingual()) {
            return NONE;
        }
        Map<String, Map<String, Page>> byKey = new HashMap<>();
        Map<Path, String> langs = new HashMap<>();
        sides.forEach((lang, site) -> {
            for (List<Page> list : List.of(site.posts(), site.pages())) {
                for (Page p : list) {
                    langs.put(p.source(), lang);
                    String key = keys.get(p.source());
                    if (key != null) {
                        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(lang, p);
                    }
                }
            }
        });
        Map<String, String> words = new HashMap<>();
        languages.tags().forEach(l -> words.put(l, readIn.apply(l)));
        return new Translations(languages, new LinkedHashMap<>(sides), byKey, Map.copyOf(keys), langs,
                l -> words.getOrDefault(l, ""));
    }

    /** Whether the site has more than one language (templates: {@code translations.multilingual()}). */
    public boolean multilingual() {
        return languages.multilingual();
    }

    /** The site's languages, the main one first. */
    public List<String> languages() {
        return languages.tags();
    }

    /** The language a page is in: its side's ({@code cy}). */
    public String langOf(Page page) {
        return langs.getOrDefault(page.source(), languages.main());
    }

    /** The other languages' versions of a page, in the order of {@code languages:}; empty when it has none. */
    public List<Link> of(Page page) {
        String key = keys.get(page.source());
        if (key == null) {
            return List.of();
        }
        List<Link> out = new ArrayList<>();
        Map<String, Page> versions = byKey.getOrDefault(key, Map.of());
        for (String lang : languages.tags()) {
            Page p = versions.get(lang);
            if (p != null && !p.source().equals(page.source())) {
                out.add(link(lang, p));
            }
        }
        return out;
    }

    /** Every version of a page, its own included, in the order of {@code languages:}: its {@code hreflang} links. */
    public List<Link> alternates(Page page) {
        List<Link> others = of(page);
        if (others.isEmpty()) {
            return List.of();
        }
        List<Link> out = new ArrayList<>();
        Map<String, Page> versions = byKey.get(keys.get(page.source()));
        for (String lang : languages.tags()) {
            Page p = versions.get(lang);
            if (p != null) {
                out.add(link(lang, p));
            }
        }
        return out;
    }

    /**
     * The language switcher of a page in {@code lang}: for each other language, the page's
     * translation when it has one, else that language's home page.
     *
     * @param page the page shown, or null on a list page
     */
    public List<Link> switcher(String lang, Page page) {
        List<Link> out = new ArrayList<>();
        List<Link> versions = page == null ? List.of() : of(page);
        for (String other : languages.tags()) {
            if (other.equalsIgnoreCase(lang)) {
                continue;
            }
            versions.stream().filter(l -> l.lang().equals(other)).findFirst()
                    .ifPresentOrElse(out::add, () -> out.add(home(other)));
        }
        return out;
    }

    /** The switcher of a list page, the 404 page, the search page: each other language's home page. */
    public List<Link> switcher(String lang) {
        return switcher(lang, null);
    }

    /** A language's home page. */
    public Link home(String lang) {
        Site side = sides.get(lang);
        String url = side == null ? "/" : side.basePath();
        String permalink = side == null ? "" : side.baseUrl();
        return new Link(lang, name(lang), url, permalink, side == null ? "" : side.title(), readIn.apply(lang));
    }

    private Link link(String lang, Page p) {
        return new Link(lang, name(lang), p.url(), p.permalink(), p.title(), readIn.apply(lang));
    }

    /** The translation key of a page, if it is a post or page of this site. */
    public java.util.Optional<String> keyOf(Page page) {
        return java.util.Optional.ofNullable(keys.get(page.source()));
    }

    /** A language's name in itself, for templates ({@link #name}). */
    public String nameOf(String lang) {
        return name(lang);
    }

    /** A language's name in itself: {@code cy} → {@code Cymraeg}, {@code en} → {@code English}. */
    public static String name(String lang) {
        Locale l = Locale.forLanguageTag(lang);
        String n = l.getDisplayLanguage(l);
        if (n.isEmpty() || n.equalsIgnoreCase(lang)) {
            return lang;
        }
        return n.substring(0, 1).toUpperCase(l) + n.substring(1);
    }
}
