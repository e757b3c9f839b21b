package org.lateral.testing;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.site.Kind;
import org.lateral.site.Page;
import org.lateral.site.TermRef;

/** Small pages for unit tests. */
public final class Pages {

    private Pages() {
    }

    public static Page post(String slug, int dayOfYear2024, String... tags) {
        ZonedDateTime date = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(dayOfYear2024 - 1L);
        List<TermRef> refs = java.util.Arrays.stream(tags)
                .map(t -> new TermRef("tags", t, t, "/tags/" + t + "/")).toList();
        return new Page(Kind.POST, Path.of("content/posts/" + slug + ".md"), "/posts/" + slug + "/",
                "https://example.org/posts/" + slug + "/", "posts/" + slug + "/index.html", "Post " + slug, slug,
                date, Optional.empty(), List.of(), refs, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), "<p>Summary of " + slug + "</p>", "Summary of " + slug, true,
                "<p>Body of " + slug + "</p>", "", Optional.empty(), 300, false, Optional.empty(), Map.of(), List.of());
    }
}
