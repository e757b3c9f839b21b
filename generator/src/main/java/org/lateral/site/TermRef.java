package org.lateral.site;

import java.util.Objects;
import org.lateral.address.Address;
import org.lateral.address.Addressed;

/**
 * A page's link to one of its terms (a tag, a category), as shown on the page.
 *
 * @param taxonomy {@code tags} or {@code categories}
 * @param name     as written by the author ({@code Oracy})
 * @param slug     as in the URL ({@code oracy})
 * @param address  where the term's page lives ({@link #url()}: relative, base path included)
 */
public record TermRef(String taxonomy, String name, String slug, Address address) implements Addressed {
    public TermRef {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(address, "address");
    }
}
