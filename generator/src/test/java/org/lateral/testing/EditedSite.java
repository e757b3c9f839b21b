package org.lateral.testing;

/**
 * The site the rebuild property tests edit ({@code RebuildEditsIT} in one session, {@code DiskCacheIT}
 * in a new process each build): tags, categories, authors, a series, a draft, a scheduled post,
 * a post written as a folder, a page; two posts a list page so that edits move entries between pages.
 * For {@link TestSites#inline}.
 */
public final class EditedSite {

    private EditedSite() {
    }

    public static final String SITE = """
            -- site.yaml --
            title: Edits
            baseUrl: https://example.org/blog/
            paginate: 2
            paginateTerms: 2
            authors:
              ana: { name: Ana }
              ben: { name: Ben }
            -- content/posts/2024-01-05-a.md --
            ---
            title: A
            tags: [x]
            categories: [notes]
            series: Oracy
            part: 1
            ---
            First post. It links to [the second](2024-02-05-b.md).
            -- content/posts/2024-02-05-b.md --
            ---
            title: B
            tags: [y]
            authors: [ben]
            series: Oracy
            part: 2
            ---
            Second post.

            <!--more-->

            More of the second.
            -- content/posts/2024-03-05-c.md --
            ---
            title: C
            tags: [x, y]
            summary: A *short* summary of C.
            ---
            Third post, with a summary of its own.
            -- content/posts/2024-04-05-d.md --
            ---
            title: D
            tags: [x, z]
            authors: [ana]
            toc: true
            ---
            ## One

            Fourth post.

            ## Two

            The newest.
            -- content/posts/2024-05-01-e.md --
            ---
            title: E
            tags: [z]
            categories: [notes]
            ---
            Fifth post.
            -- content/posts/draft.md --
            ---
            title: Not yet
            date: 2024-05-10
            draft: true
            ---
            A draft.
            -- content/posts/2024-07-01-later.md --
            ---
            title: Later
            tags: [x]
            ---
            Scheduled for July.
            -- content/posts/walk/index.md --
            ---
            title: Walk
            date: 2024-03-20
            tags: [y]
            ---
            A walk. ![The route](route.txt)
            -- content/posts/walk/route.txt --
            a route
            -- content/pages/about.md --
            ---
            title: About
            date: 2024-01-01
            ---
            About us.
            """;
}
