package org.lateral.markdown;

import java.util.Objects;

/**
 * A picture in a Markdown body, Markdown ({@code ![…](a.png)}) or raw HTML ({@code <img src="a.png">}),
 * found in the parsed document with its position (commonmark-java's source spans), so that a
 * warning about it names its own line even when the same picture appears twice.
 *
 * @param address     the address as written ({@code tally.png}, {@code /img/logo.png})
 * @param description the picture's description ({@code alt}); empty when it has none
 * @param line        its line in the body, from 1
 * @param decorative  marked as decoration in raw HTML ({@code alt=""}, {@code role="presentation"}):
 *                    screen readers skip it, and its empty description is meant
 */
public record Picture(String address, String description, int line, boolean decorative) {
    public Picture {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(description, "description");
    }

    /** A picture that is not marked decorative. */
    public Picture(String address, String description, int line) {
        this(address, description, line, false);
    }
}
