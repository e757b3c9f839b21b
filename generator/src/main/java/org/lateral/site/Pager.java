package org.lateral.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lateral.address.Address;

/**
 * One page of a paginated list: the home page, a tag page, the hub's river (templates see it as
 * {@code paginator}, and the theme's one pagination macro serves every list). Page 1 lives at the
 * list's own address, page N at {@code <list>/page/N/}. {@link #prevUrl()}/{@link #nextUrl()} are
 * empty strings at the ends.
 *
 * <pre>{@code
 * List<Pager<Page>> pages = Pager.paginate(posts, 10, tagAddress);
 * List<Pager<Entry>> river = Pager.of(slices, hubAddress);   // slices cut by the hub's own rule
 * }</pre>
 *
 * @param <T>        what the list shows (posts, the hub's entries)
 * @param number     1-based
 * @param totalPages how many pages the list has
 * @param totalItems items on all its pages together
 * @param items      this page's items
 * @param list       the address of the list's first page
 */
public record Pager<T>(int number, int totalPages, int totalItems, List<T> items, Address list) {

    public Pager {
        items = List.copyOf(items);
        Objects.requireNonNull(list, "list");
    }

    /** Where this page lives. */
    public Address address() {
        return list.page(number);
    }

    /** This page's relative URL, base path included. */
    public String url() {
        return address().url();
    }

    /** The file written for this page, relative to the output folder. */
    public String outputPath() {
        return address().outputPath();
    }

    /** The first page's relative URL. */
    public String listUrl() {
        return list.url();
    }

    /** The newer page's URL, empty on page 1. */
    public String prevUrl() {
        return hasPrev() ? list.page(number - 1).url() : "";
    }

    /** The older page's URL, empty on the last page. */
    public String nextUrl() {
        return hasNext() ? list.page(number + 1).url() : "";
    }

    public boolean hasPrev() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages;
    }

    /** Splits {@code items} into pages of {@code size} (0 means one page holding everything). */
    public static <T> List<Pager<T>> paginate(List<T> items, int size, Address list) {
        int per = size <= 0 ? Math.max(1, items.size()) : size;
        int total = Math.max(1, (items.size() + per - 1) / per);
        List<List<T>> slices = new ArrayList<>(total);
        for (int n = 1; n <= total; n++) {
            slices.add(items.subList(Math.min(items.size(), (n - 1) * per), Math.min(items.size(), n * per)));
        }
        return of(slices, list);
    }

    /** The pages of a list already cut into {@code slices} (at least one, which may be empty). */
    public static <T> List<Pager<T>> of(List<List<T>> slices, Address list) {
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("a list has at least one page");
        }
        int shown = slices.stream().mapToInt(List::size).sum();
        List<Pager<T>> out = new ArrayList<>(slices.size());
        for (int n = 1; n <= slices.size(); n++) {
            out.add(new Pager<>(n, slices.size(), shown, slices.get(n - 1), list));
        }
        return out;
    }
}
