package org.lateral.aggregate;

import java.net.URI;
import java.util.Objects;

/**
 * A file attached to an entry (a podcast episode, a slide deck, an image).
 *
 * @param url    absolute http(s) address
 * @param type   the media type the feed declares ({@code audio/mpeg}), or empty
 * @param length the size in bytes the feed declares, 0 when unknown
 */
public record Enclosure(URI url, String type, long length) {
    public Enclosure {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(type, "type");
        length = Math.max(0, length);
    }

    public boolean isImage() {
        return type.startsWith("image/");
    }
}
