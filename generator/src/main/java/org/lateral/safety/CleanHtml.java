package org.lateral.safety;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * HTML that went through the {@link Sanitizer}, with what the hub derives from it in the same pass.
 *
 * @param html       safe, balanced HTML (a body fragment); empty when nothing was left
 * @param text       the visible text of {@code html}, whitespace collapsed, no control characters
 * @param firstImage the first image's absolute http(s) address, if there is one
 */
public record CleanHtml(String html, String text, Optional<URI> firstImage) {

    /** Nothing at all. */
    public static final CleanHtml EMPTY = new CleanHtml("", "", Optional.empty());

    public CleanHtml {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(firstImage, "firstImage");
    }

    public boolean isEmpty() {
        return html.isEmpty();
    }
}
