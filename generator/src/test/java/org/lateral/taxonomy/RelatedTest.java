package org.lateral.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lateral.site.Page;
import org.lateral.testing.Pages;

class RelatedTest {

    private static List<String> related(Related r, Page p) {
        return r.of(p).stream().map(Page::slug).toList();
    }

    @Test
    void postsSharingMoreTagsComeFirst() {
        Page post = Pages.of("post", "2024-03-01").tags("Oracy", "Year 7", "Debate").page();
        Page two = Pages.of("two", "2023-01-01").tags("Oracy", "Debate").page();
        Page one = Pages.of("one", "2024-02-28").tags("Oracy").page();
        Page none = Pages.of("none", "2024-02-29").tags("Maths").page();
        Related r = Related.index(List.of(post, none, one, two), 5);

        assertThat(related(r, post)).containsExactly("two", "one");
    }

    @Test
    void aRareSharedTagCountsForMoreThanACommonOne() {
        List<Page> posts = new ArrayList<>();
        Page post = Pages.of("post", "2024-03-01").tags("CPD", "Lesson study").page();
        posts.add(post);
        posts.add(Pages.of("common", "2024-02-29").tags("CPD").page());
        posts.add(Pages.of("rare", "2020-01-01").tags("Lesson study").page());
        for (int i = 0; i < 8; i++) {
            posts.add(Pages.of("filler" + i, "2019-01-0" + (i + 1)).tags("CPD").page());
        }
        Related r = Related.index(posts, 2);

        assertThat(related(r, post)).containsExactly("rare", "common");
    }

    @Test
    void tiesGoToThePostNearestInTime() {
        Page post = Pages.of("post", "2024-03-01").tags("Oracy").page();
        Page far = Pages.of("far", "2020-03-01").tags("Oracy").page();
        Page near = Pages.of("near", "2024-02-01").tags("Oracy").page();
        Page later = Pages.of("later", "2024-03-20").tags("Oracy").page();
        Related r = Related.index(List.of(later, post, near, far), 5);

        assertThat(related(r, post)).containsExactly("later", "near", "far");
    }

    @Test
    void aPostIsNeverRelatedToItselfAndAtMostMaxAreKept() {
        List<Page> posts = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            posts.add(Pages.of("p" + i, "2024-01-0" + i).tags("Oracy").page());
        }
        Related r = Related.index(posts, Related.MAX);

        assertThat(r.of(posts.get(4))).hasSize(Related.MAX).doesNotContain(posts.get(4));
    }

    @Test
    void untaggedPostsAndPostsSharingNothingHaveNone() {
        Page untagged = Pages.of("untagged", "2024-01-01").page();
        Page alone = Pages.of("alone", "2024-01-02").tags("Unique").page();
        Related r = Related.index(List.of(untagged, alone), 5);

        assertThat(r.of(untagged)).isEmpty();
        assertThat(r.of(alone)).isEmpty();
    }

    @Test
    void tenThousandPostsWithATagOnEveryOneAreIndexedWithoutComparingEveryPair() {
        List<Page> posts = new ArrayList<>();
        ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneId.of("UTC"));
        String[] topics = {"Oracy", "Feedback", "Coaching", "Reading", "Behaviour", "Maths", "Science"};
        for (int i = 0; i < 10_000; i++) {
            posts.add(Pages.of("p" + i, start.minusHours(i))
                    .tags("CPD", topics[i % topics.length], topics[(i / 7) % topics.length], "Year " + (i % 13))
                    .page());
        }

        AtomicLong looked = new AtomicLong();
        Related r = Related.index(posts, Related.MAX, looked);

        assertThat(r.of(posts.get(5000))).hasSize(Related.MAX);
        assertThat(r.bySource()).hasSize(10_000);
        // Comparing every post with every other would be 10,000 x 9,999 pairs; the windowed inverted
        // index looks at most at 2 x WINDOW + 1 neighbours for each of a post's 4 tags. (Speed
        // itself is measured by bench/, not asserted here.)
        assertThat(looked.get()).isPositive()
                .isLessThanOrEqualTo(10_000L * 4 * (2 * Related.WINDOW + 1))
                .isLessThan(10_000L * 9_999 / 10);
    }

    @Test
    void timeApartIsWhatDurationSaysForEveryPairOfInstants() {
        java.util.Random random = new java.util.Random(20);
        java.time.Instant[] at = new java.time.Instant[400];
        for (int i = 0; i < at.length; i++) {
            long s = random.nextInt(4) == 0 ? 1_700_000_000L + random.nextInt(3) : random.nextLong() % 4_000_000_000L;
            int n = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000);
            at[i] = java.time.Instant.ofEpochSecond(s, n);
        }
        long[] seconds = new long[at.length];
        int[] nanos = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            seconds[i] = at[i].getEpochSecond();
            nanos[i] = at[i].getNano();
        }
        for (int a = 0; a < at.length; a++) {
            for (int b = 0; b < at.length; b++) {
                assertThat(Related.apartSeconds(seconds, nanos, a, b))
                        .as("%s to %s", at[a], at[b])
                        .isEqualTo(java.time.Duration.between(at[a], at[b]).abs().getSeconds());
            }
        }
    }
}
