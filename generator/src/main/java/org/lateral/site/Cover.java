package org.lateral.site;

import java.util.Objects;

/**
 * A post's {@code image:} as published in several widths, for templates: a small picture on lists
 * ({@code src}, {@code srcset}), and the copy for social sites' cards ({@code card}, about 1600
 * pixels wide). Addresses are the site's own ({@code /2024/03/oracy/photo-480w.jpg}).
 *
 * @param src        the narrowest copy (about 480 pixels wide), or the picture itself
 * @param srcset     every copy with its width, for {@code srcset}
 * @param width      the picture's width (as shown, the right way up)
 * @param height     its height
 * @param card       the copy for Open Graph and similar cards
 * @param cardWidth  its width
 * @param cardHeight its height
 */
public record Cover(String src, String srcset, int width, int height, String card, int cardWidth, int cardHeight) {
    public Cover {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(srcset, "srcset");
        Objects.requireNonNull(card, "card");
    }
}
