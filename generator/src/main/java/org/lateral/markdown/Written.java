package org.lateral.markdown;

import java.util.List;
import java.util.Objects;

/**
 * What a Markdown body links to and how it is laid out, each with its position in the body (from
 * commonmark-java's source spans), for {@code lateral check}: links and pictures written in Markdown
 * (in paragraphs, lists, tables, block quotes and footnotes), raw HTML (its links are read by the
 * checker), and headings. Made by {@link WrittenLinks#of}.
 *
 * @param links    Markdown links and pictures, in the order they are written
 * @param html     raw HTML blocks and inline tags, in order
 * @param headings headings, in order
 */
public record Written(List<Link> links, List<RawHtml> html, List<Heading> headings) {

    public Written {
        links = List.copyOf(links);
        html = List.copyOf(html);
        headings = List.copyOf(headings);
    }

    /**
     * A Markdown link ({@code [text](target)}, {@code [text][ref]}, {@code <https://…>}, a bare
     * address) or picture ({@code ![description](target)}).
     *
     * @param picture     whether it is a picture
     * @param destination the target as written
     * @param text        the link's text as a reader sees it (a picture inside counts by its
     *                    description), or a picture's description; empty when it has none
     * @param line        line in the body, from 1
     * @param column      column of its first character, from 1
     */
    public record Link(boolean picture, String destination, String text, int line, int column) {
        public Link {
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Raw HTML as written: a block ({@code <figure>…</figure>}) or one inline tag ({@code <a href="…">}).
     *
     * @param literal the HTML
     * @param block   whether it is a whole block (an inline tag holds no text: the text and the
     *                closing tag are separate)
     * @param line    line in the body where it starts, from 1
     * @param column  column where it starts, from 1
     */
    public record RawHtml(String literal, boolean block, int line, int column) {
        public RawHtml {
            Objects.requireNonNull(literal, "literal");
        }
    }

    /** A heading: its level (1–6), its text, and where it is. */
    public record Heading(int level, String text, int line, int column) {
    }
}
