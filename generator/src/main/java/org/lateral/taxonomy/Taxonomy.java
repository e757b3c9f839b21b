package org.lateral.taxonomy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A way of grouping posts ({@code tags}, {@code categories}) with its terms sorted by name.
 *
 * @param name      plural key ({@code tags})
 * @param singular  {@code tag}
 * @param url       the index page listing every term, base path included
 * @param outputDir folder of the index page, relative to the output folder
 */
public record Taxonomy(String name, String singular, String url, String permalink, String outputDir,
        List<Term> terms) {
    public Taxonomy {
        Objects.requireNonNull(name, "name");
        terms = List.copyOf(terms);
    }

    /** Where it lives, as one {@link Address}. */
    public Address address() {
        return new Address(url, permalink, outputDir);
    }

    /** The same taxonomy with pages swapped ({@link org.lateral.site.Site#withPages}). */
    public Taxonomy withPages(java.util.function.UnaryOperator<org.lateral.site.Page> swap) {
        return new Taxonomy(name, singular, url, permalink, outputDir,
                terms.stream().map(t -> t.withPages(swap)).toList());
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
