package org.lateral.site;

import java.util.Objects;

/**
 * A person who writes on the site.
 *
 * @param id        short id used in front matter ({@code arahman}), also the slug of their page
 * @param name      display name
 * @param bio       one or two sentences, may be empty
 * @param url       their page on this site (relative URL, base path included)
 * @param permalink their page's absolute URL
 * @param avatar    picture URL, may be empty
 * @param website   their own website, may be empty
 */
public record Author(String id, String name, String bio, String url, String permalink, String avatar,
        String website) {
    public Author {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
