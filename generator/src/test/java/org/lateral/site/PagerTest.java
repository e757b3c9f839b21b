package org.lateral.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lateral.address.Address;
import org.lateral.testing.Pages;

class PagerTest {

    private static final Address ROOT = Address.folder("/", "https://example.org/", "");

    private final List<Page> posts = IntStream.rangeClosed(1, 25).mapToObj(i -> Pages.post("p" + i, i)).toList();

    @Test
    void firstPageLivesAtTheListUrlAndOthersUnderPageN() {
        List<Pager<Page>> pagers = Pager.paginate(posts, 10, Address.folder("/cpd/tags/oracy/", "https://example.org/cpd/tags/oracy/", "tags/oracy/"));
        assertThat(pagers).extracting(Pager::url)
                .containsExactly("/cpd/tags/oracy/", "/cpd/tags/oracy/page/2/", "/cpd/tags/oracy/page/3/");
        assertThat(pagers).extracting(Pager::outputPath)
                .containsExactly("tags/oracy/index.html", "tags/oracy/page/2/index.html", "tags/oracy/page/3/index.html");
        assertThat(pagers.get(2).items()).hasSize(5);
        assertThat(pagers.get(0).hasPrev()).isFalse();
        assertThat(pagers.get(1).prevUrl()).isEqualTo("/cpd/tags/oracy/");
        assertThat(pagers.get(1).nextUrl()).isEqualTo("/cpd/tags/oracy/page/3/");
        assertThat(pagers.get(2).hasNext()).isFalse();
    }

    @Test
    void sizeZeroPutsEverythingOnOnePage() {
        assertThat(Pager.paginate(posts, 0, ROOT)).singleElement()
                .satisfies(p -> assertThat(p.items()).hasSize(25));
    }

    @Test
    void anEmptyListStillHasOnePage() {
        assertThat(Pager.paginate(List.<Page>of(), 10, ROOT)).singleElement()
                .satisfies(p -> assertThat(p.totalPages()).isEqualTo(1));
    }
}
