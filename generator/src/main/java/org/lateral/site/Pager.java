package org.lateral.site;

import java.util.List;
import java.util.Objects;

/**
 * One page of a paginated list (the home page, a tag page…). Page 1 lives at the list's own URL,
 * page N at {@code <list>/page/N/}. {@code prevUrl}/{@code nextUrl} are empty strings at the ends.
 *
 * @param listUrl    the first page's relative URL
 * @param outputPath the file written for this page, relative to the output folder
 */
public record Pager(int number, int totalPages, int totalItems, List<Page> items, String url, String outputPath,
        String prevUrl, String nextUrl, String listUrl) {

    public Pager {
        items = List.copyOf(items);
        Objects.requireNonNull(url, "url");
    }

    public boolean hasPrev() {
        return !prevUrl.isEmpty();
    }

    public boolean hasNext() {
        return !nextUrl.isEmpty();
    }

    /** Splits {@code items} into pages of {@code size} for the list at {@code list}. */
    public static List<Pager> paginate(List<Page> items, int size, org.lateral.taxonomy.Address list) {
        return paginate(items, size, list.url(), list.outputDir());
    }

    /** Splits {@code items} into pages of {@code size} (0 means one page holding everything). */
    public static List<Pager> paginate(List<Page> items, int size, String listUrl, String listOutputDir) {
        int per = size <= 0 ? Math.max(1, items.size()) : size;
        int total = Math.max(1, (items.size() + per - 1) / per);
        List<Pager> out = new java.util.ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            List<Page> slice = items.subList(Math.min(items.size(), (n - 1) * per), Math.min(items.size(), n * per));
            out.add(new Pager(n, total, items.size(), slice, pageUrl(listUrl, n),
                    stripSlash(pageUrl(listOutputDir, n)) + "index.html",
                    n > 1 ? pageUrl(listUrl, n - 1) : "", n < total ? pageUrl(listUrl, n + 1) : "", listUrl));
        }
        return out;
    }

    private static String stripSlash(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }

    static String pageUrl(String listUrl, int n) {
        return n == 1 ? listUrl : listUrl + "page/" + n + "/";
    }
}
