package org.lateral.content;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Markdown file says about itself between its {@code ---} lines, read and checked once.
 * Dates are already in the site's time zone. Keys Lateral does not know are kept in
 * {@link #params()} for templates ({@code page.params.x}).
 *
 * @param keyLines line of each key written, for problems found later (a URL clash, say)
 * @param cpd        the page's professional-learning record ({@code cpd:}), standards not yet checked
 * @param reflection the reflective model the page follows ({@code reflection: gibbs}), not yet checked
 * @param review     when a project part's impact is to be reviewed ({@code review: 2025-01-31})
 * @param event    an event's time, place and programme ({@code content/events/}); empty for posts and pages
 * @param writesUp the event a post writes up ({@code event: 2030-03-14-teachmeet-cwm}, the event file's name)
 * @param swap     a post's {@code offer:} or {@code request:} block, its place in the swap-shop
 */
public record FrontMatter(
        Optional<String> title,
        Optional<ZonedDateTime> date,
        Optional<ZonedDateTime> updated,
        List<String> authors,
        List<String> tags,
        List<String> categories,
        Optional<String> series,
        Optional<Integer> part,
        Optional<String> stage,
        Optional<String> summary,
        Optional<String> image,
        boolean draft,
        Optional<ZonedDateTime> publishDate,
        Optional<ZonedDateTime> expiryDate,
        Optional<String> slug,
        Optional<String> url,
        boolean toc,
        Optional<String> layout,
        Map<String, Object> params,
        Map<String, Integer> keyLines,
        Optional<org.lateral.cpd.CpdRecord> cpd,
        Optional<String> reflection,
        Optional<ZonedDateTime> review,
        Optional<EventFields> event,
        Optional<String> writesUp,
        Optional<org.lateral.community.Swap> swap) {

    public FrontMatter {
        Objects.requireNonNull(swap, "swap");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(writesUp, "writesUp");
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        params = Map.copyOf(params);
        keyLines = Map.copyOf(keyLines);
        Objects.requireNonNull(cpd, "cpd");
        Objects.requireNonNull(reflection, "reflection");
        Objects.requireNonNull(review, "review");
    }

    /** Front matter that is neither an offer nor a request. */
    public FrontMatter(Optional<String> title, Optional<ZonedDateTime> date, Optional<ZonedDateTime> updated,
            List<String> authors, List<String> tags, List<String> categories, Optional<String> series,
            Optional<Integer> part, Optional<String> stage, Optional<String> summary, Optional<String> image,
            boolean draft, Optional<ZonedDateTime> publishDate, Optional<ZonedDateTime> expiryDate,
            Optional<String> slug, Optional<String> url, boolean toc, Optional<String> layout,
            Map<String, Object> params, Map<String, Integer> keyLines, Optional<org.lateral.cpd.CpdRecord> cpd,
            Optional<String> reflection, Optional<ZonedDateTime> review, Optional<EventFields> event,
            Optional<String> writesUp) {
        this(title, date, updated, authors, tags, categories, series, part, stage, summary, image, draft, publishDate,
                expiryDate, slug, url, toc, layout, params, keyLines, cpd, reflection, review, event, writesUp,
                Optional.empty());
    }

    /** Front matter without a professional-learning record, reflection or review date. */
    public FrontMatter(Optional<String> title, Optional<ZonedDateTime> date, Optional<ZonedDateTime> updated,
            List<String> authors, List<String> tags, List<String> categories, Optional<String> series,
            Optional<Integer> part, Optional<String> stage, Optional<String> summary, Optional<String> image,
            boolean draft, Optional<ZonedDateTime> publishDate, Optional<ZonedDateTime> expiryDate,
            Optional<String> slug, Optional<String> url, boolean toc, Optional<String> layout,
            Map<String, Object> params, Map<String, Integer> keyLines) {
        this(title, date, updated, authors, tags, categories, series, part, stage, summary, image, draft, publishDate,
                expiryDate, slug, url, toc, layout, params, keyLines, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Front matter that is not an event's and writes up none. */
    public FrontMatter(Optional<String> title, Optional<ZonedDateTime> date, Optional<ZonedDateTime> updated,
            List<String> authors, List<String> tags, List<String> categories, Optional<String> series,
            Optional<Integer> part, Optional<String> stage, Optional<String> summary, Optional<String> image,
            boolean draft, Optional<ZonedDateTime> publishDate, Optional<ZonedDateTime> expiryDate,
            Optional<String> slug, Optional<String> url, boolean toc, Optional<String> layout,
            Map<String, Object> params, Map<String, Integer> keyLines, Optional<org.lateral.cpd.CpdRecord> cpd,
            Optional<String> reflection, Optional<ZonedDateTime> review) {
        this(title, date, updated, authors, tags, categories, series, part, stage, summary, image, draft, publishDate,
                expiryDate, slug, url, toc, layout, params, keyLines, cpd, reflection, review, Optional.empty(),
                Optional.empty());
    }

    /** Whether the page carries a {@code cpd:} record marked {@code private: true}: it is never published. */
    public boolean isPrivate() {
        return cpd.map(org.lateral.cpd.CpdRecord::isPrivate).orElse(false);
    }

    /** The line a key was written on, or {@code fallback} when it was not. */
    public int lineOf(String key, int fallback) {
        return keyLines.getOrDefault(key, fallback);
    }
}
