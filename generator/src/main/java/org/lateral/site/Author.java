package org.lateral.site;

import java.util.Objects;
import org.lateral.address.Address;
import org.lateral.address.Addressed;

/**
 * A person who writes on the site.
 *
 * @param id        short id used in front matter ({@code arahman}), also the slug of their page
 * @param name      display name
 * @param bio       one or two sentences, may be empty
 * @param address   their page on this site ({@link #url()}, {@link #permalink()})
 * @param avatar    picture URL, may be empty
 * @param website   their own website, may be empty
 */
public record Author(String id, String name, String bio, Address address, String avatar, String website)
        implements Addressed {
    public Author {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
