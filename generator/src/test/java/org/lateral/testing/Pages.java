package org.lateral.testing;

import org.lateral.address.Address;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lateral.internal.Slugs;
import org.lateral.plan.Kind;
import org.lateral.site.Page;
import org.lateral.site.TermRef;

/**
 * Small pages for unit tests, without building a site: {@code Pages.post("a", 60, "oracy")} for a
 * quick one, or a builder for series, stages and content:
 * {@code Pages.of("a", "2024-03-05").tags("Oracy").series("Oracy project").part(1).page()}, whose
 * source is {@code content/posts/<name>.md} and URL {@code /<name>/}.
 */
public final class Pages {

    private static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final String name;
    private final ZonedDateTime date;
    private List<String> tags = List.of();
    private Optional<String> series = Optional.empty();
    private Optional<Integer> part = Optional.empty();
    private Optional<String> stage = Optional.empty();
    private String content = "";
    private String title;
    private String description = "";

    private Pages(String name, ZonedDateTime date) {
        this.name = name;
        this.date = date;
        this.title = name;
    }

    public static Page post(String slug, int dayOfYear2024, String... tags) {
        ZonedDateTime date = ZonedDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC).plusDays(dayOfYear2024 - 1L);
        List<TermRef> refs = java.util.Arrays.stream(tags)
                .map(t -> new TermRef("tags", t, t, Address.folder("/tags/" + t + "/", "https://example.org/tags/" + t + "/", "tags/" + t + "/"))).toList();
        return new Page(Kind.POST, Path.of("content/posts/" + slug + ".md"), new Address("/posts/" + slug + "/",
                "https://example.org/posts/" + slug + "/", "posts/" + slug + "/index.html"), "Post " + slug, slug,
                date, Optional.empty(), List.of(), refs, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), "<p>Summary of " + slug + "</p>", "Summary of " + slug, true,
                "<p>Body of " + slug + "</p>", "", Optional.empty(), 300, false, Optional.empty(), Map.of(), List.of());
    }

    public static Pages of(String name, String isoDate) {
        return new Pages(name, LocalDate.parse(isoDate).atStartOfDay(ZONE));
    }

    public static Pages of(String name, ZonedDateTime date) {
        return new Pages(name, date);
    }

    public Pages tags(String... names) {
        tags = List.of(names);
        return this;
    }

    public Pages series(String name) {
        series = Optional.of(name);
        return this;
    }

    public Pages part(int n) {
        part = Optional.of(n);
        return this;
    }

    public Pages stage(String s) {
        stage = Optional.of(s);
        return this;
    }

    public Pages content(String html) {
        content = html;
        return this;
    }

    public Pages title(String t) {
        title = t;
        return this;
    }

    public Pages description(String d) {
        description = d;
        return this;
    }

    public Page page() {
        List<TermRef> refs = new ArrayList<>();
        for (String t : tags) {
            refs.add(new TermRef("tags", t, Slugs.slugify(t), Address.ofPath("https://example.org", "/", "/tags/" + Slugs.slugify(t) + "/")));
        }
        String url = "/" + name + "/";
        return new Page(Kind.POST, Path.of("content/posts/" + name + ".md"),
                new Address(url, "https://example.org" + url, name + "/index.html"), title, name, date, Optional.empty(), List.of(), refs, List.of(), series, part,
                stage, "", description, false, content, "", Optional.empty(), 100, false, Optional.empty(), Map.of(),
                List.of());
    }
}
