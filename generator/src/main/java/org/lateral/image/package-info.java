/**
 * Pictures beside posts: {@link org.lateral.image.Pictures} reads a JPEG, PNG or WebP once, applies
 * its EXIF orientation, writes it in a few widths (never wider than it is) and a copy of the original
 * without location or camera metadata, all kept in a cache outside the output folder by the file's
 * SHA-256; {@link org.lateral.image.ResponsiveHtml} turns a page's {@code <img>} into one with
 * {@code srcset}, {@code sizes}, {@code width} and {@code height}. TwelveMonkeys ImageIO (the JPEG and
 * WebP readers) and metadata-extractor live only here; nothing this package returns holds
 * their types. Depends on nothing else of Lateral but {@link org.lateral.Problem}.
 */
package org.lateral.image;
