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
 */
public record Taxonomy(String name, String singular, Address address, List<Term> terms)
        implements Addressed {
    public Taxonomy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        terms = List.copyOf(terms);
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
