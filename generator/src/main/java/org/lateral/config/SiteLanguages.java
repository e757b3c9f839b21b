package org.lateral.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The languages of a bilingual (or multilingual) site, from {@code languages: [en, cy]} in
 * {@code site.yaml}: the first is the site's main language, published at the site's address; each
 * other one is a side of its own under {@code /<tag>/} ({@code /cy/}). A one-language site has
 * {@link #NONE}.
 *
 * @param tags    the languages in the order written, the main one first; empty for a one-language site
 * @param mainUrl the base URL of the whole site (the main side's): on a side's own settings its
 *                {@code baseUrl} ends in {@code cy/} and this does not; empty for {@link #NONE}
 */
public record SiteLanguages(List<String> tags, String mainUrl) {

    /** A site in one language. */
    public static final SiteLanguages NONE = new SiteLanguages(List.of(), "");

    public SiteLanguages {
        tags = List.copyOf(tags);
        Objects.requireNonNull(mainUrl, "mainUrl");
    }

    /** Whether the site has more than one language (then each other language has its own side). */
    public boolean multilingual() {
        return tags.size() > 1;
    }

    /** The main language ({@code en}); empty for a one-language site. */
    public String main() {
        return tags.isEmpty() ? "" : tags.get(0);
    }

    /** The languages that have a side of their own: all but the first. */
    public List<String> others() {
        return tags.size() < 2 ? List.of() : tags.subList(1, tags.size());
    }

    /** The folder a language's side lives in ({@code cy/}), empty for the main language: the one place it is made. */
    public String prefix(String tag) {
        return !multilingual() || tag.equalsIgnoreCase(main()) ? "" : tag.toLowerCase(Locale.ROOT) + "/";
    }

    /** The language of {@code tag} as written in {@code languages:} ({@code CY} → {@code cy}), if it is one. */
    public java.util.Optional<String> find(String tag) {
        return tags.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst();
    }

    /**
     * The language a file's name is marked with ({@code oracy.cy} → {@code cy}), when it ends in
     * a dot and a language code; any code, so that a one-language site can be told about it.
     */
    public static java.util.Optional<String> suffix(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return java.util.Optional.empty();
        }
        String tag = name.substring(dot + 1);
        return tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?") && Languages.isTag(tag)
                ? java.util.Optional.of(tag) : java.util.Optional.empty();
    }

    /** A file's name without its mark of one of these languages ({@code oracy.cy} → {@code oracy}). */
    public String withoutSuffix(String name) {
        return suffix(name).flatMap(this::find).map(t -> name.substring(0, name.length() - t.length() - 1))
                .orElse(name);
    }

    /** The same languages with the whole site at another base URL (a preview). */
    SiteLanguages at(String baseUrl) {
        return tags.isEmpty() ? this : new SiteLanguages(tags, baseUrl);
    }
}
