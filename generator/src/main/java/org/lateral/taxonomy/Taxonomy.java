package org.lateral.taxonomy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lateral.address.Address;
import org.lateral.address.Addressed;

/**
 * A way of grouping posts ({@code tags}, {@code categories}) with its terms sorted by name.
 *
 * @param name      plural key ({@code tags})
 * @param singular  {@code tag}
 * @param address   where the index page listing every term lives
 * @param title     what pages call a taxonomy of the site's own ({@code Key stages}, from
 *                  {@code site.yaml}); empty for tags and categories, whose words are the theme's
 * @param singularTitle one of its terms ({@code Key stage}); empty for tags and categories
 */
public record Taxonomy(String name, String singular, Address address, List<Term> terms, String title,
        String singularTitle) implements Addressed {
    public Taxonomy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        terms = List.copyOf(terms);
        title = title == null ? "" : title;
        singularTitle = singularTitle == null ? "" : singularTitle;
    }

    /** A built-in taxonomy (tags, categories): the theme has its words. */
    public Taxonomy(String name, String singular, Address address, List<Term> terms) {
        this(name, singular, address, terms, "", "");
    }

    /** Whether it is one of the site's own ({@code taxonomies:} in {@code site.yaml}), not tags or categories. */
    public boolean isCustom() {
        return !title.isEmpty();
    }

    /** The same taxonomy with pages swapped ({@link org.lateral.site.Site#withPages}). */
    public Taxonomy withPages(java.util.function.UnaryOperator<org.lateral.site.Page> swap) {
        return new Taxonomy(name, singular, address, terms.stream().map(t -> t.withPages(swap)).toList(), title,
                singularTitle);
    }

    public Optional<Term> term(String slug) {
        return terms.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /** The terms, most used first (for tag clouds). */
    public List<Term> byCount() {
        return terms.stream().sorted(Comparator.comparingInt(Term::count).reversed().thenComparing(Term::slug))
                .toList();
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }
}
