package org.lateral.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One page of the hub's river, shaped like the site's {@code Pager} so the theme's pagination
 * macro serves both: page 1 at the hub's root, page N at {@code page/N/}.
 *
 * <pre>{@code
 * List<RiverPage> pages = RiverPage.paginate(hub.river(), 15, 3, 50, "/");
 * }</pre>
 *
 * @param number     1-based
 * @param totalItems entries on all the river's pages together
 * @param items      this page's entries, newest first
 * @param url        the page's relative URL, base path included ({@code /page/2/})
 * @param outputPath the file written, relative to the output folder ({@code page/2/index.html})
 * @param prevUrl    the newer page's URL, empty on page 1
 * @param nextUrl    the older page's URL, empty on the last page
 */
public record RiverPage(int number, int totalPages, int totalItems, List<Entry> items, String url, String outputPath,
                        String prevUrl, String nextUrl) {

    public RiverPage {
        items = List.copyOf(items);
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(outputPath, "outputPath");
        Objects.requireNonNull(prevUrl, "prevUrl");
        Objects.requireNonNull(nextUrl, "nextUrl");
    }

    public boolean hasPrev() {
        return !prevUrl.isEmpty();
    }

    public boolean hasNext() {
        return !nextUrl.isEmpty();
    }

    /**
     * Cuts the river into pages of {@code pageSize} with {@link EntryMerger#paginate} (at most
     * {@code perMemberCap} entries of one member on a page while others wait), and keeps the first
     * {@code maxPages} of them: older entries stay on their members' pages. An empty river still
     * has one (empty) page.
     *
     * @param maxPages at most this many pages; 0 for all of them
     * @param basePath the hub's base path ({@code /} or {@code /network/})
     */
    public static List<RiverPage> paginate(List<Entry> river, int pageSize, int perMemberCap, int maxPages,
                                           String basePath) {
        List<List<Entry>> all = river.isEmpty() ? List.of(List.of()) : EntryMerger.paginate(river, pageSize, perMemberCap);
        List<List<Entry>> cut = maxPages > 0 && all.size() > maxPages ? all.subList(0, maxPages) : all;
        int total = cut.size();
        int shown = cut.stream().mapToInt(List::size).sum();
        List<RiverPage> pages = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            pages.add(new RiverPage(n, total, shown, cut.get(n - 1), url(basePath, n),
                    n == 1 ? "index.html" : "page/" + n + "/index.html",
                    n > 1 ? url(basePath, n - 1) : "", n < total ? url(basePath, n + 1) : ""));
        }
        return pages;
    }

    private static String url(String basePath, int n) {
        return n == 1 ? basePath : basePath + "page/" + n + "/";
    }
}
