package org.lateral.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.lateral.address.Address;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.site.Page;
import org.lateral.testing.Pages;

class ArchiveTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /** Newest first, as the site holds them. */
    private static final List<Page> POSTS = List.of(
            Pages.of("nov24", "2024-11-11").page(),
            Pages.of("sep24", "2024-09-01").page(),
            Pages.of("aug24", "2024-08-31").page(),
            Pages.of("mar24b", "2024-03-20").page(),
            Pages.of("mar24a", "2024-03-05").page(),
            Pages.of("oct23", "2023-10-03").page());

    private static Archive archive(int startMonth) {
        return Archive.of(POSTS, startMonth, LONDON,
                path -> Address.ofPath("https://example.org", "/cpd/", path));
    }

    @Test
    void groupsPostsByYearNewestFirstWithCounts() {
        Archive a = archive(9);

        assertThat(a.years()).extracting(Archive.Period::key).containsExactly("2024", "2023");
        assertThat(a.years()).extracting(Archive.Period::count).containsExactly(5, 1);
        assertThat(a.count()).isEqualTo(6);
        assertThat(a.years().get(0).url()).isEqualTo("/cpd/archive/2024/");
        assertThat(a.years().get(0).outputDir()).isEqualTo("archive/2024/");
        assertThat(a.url()).isEqualTo("/cpd/archive/");
    }

    @Test
    void eachYearHoldsItsMonthsNewestFirst() {
        Archive.Period y2024 = archive(9).years().get(0);

        assertThat(y2024.months()).extracting(Archive.Period::key)
                .containsExactly("2024-11", "2024-09", "2024-08", "2024-03");
        Archive.Period march = y2024.months().get(3);
        assertThat(march.count()).isEqualTo(2);
        assertThat(march.pages()).extracting(Page::slug).containsExactly("mar24b", "mar24a");
        assertThat(march.url()).isEqualTo("/cpd/archive/2024/03/");
        assertThat(march.start().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(march.isMonth()).isTrue();
    }

    @Test
    void academicYearsStartInSeptemberByDefault() {
        Archive a = archive(9);

        assertThat(a.academicYears()).extracting(Archive.Period::key).containsExactly("2024-25", "2023-24");
        assertThat(a.academicYears()).extracting(Archive.Period::count).containsExactly(2, 4);
        assertThat(a.academicYears().get(1).pages()).extracting(Page::slug)
                .containsExactly("aug24", "mar24b", "mar24a", "oct23");
        assertThat(a.academicYears().get(0).url()).isEqualTo("/cpd/archive/academic/2024-25/");
        assertThat(a.academicYears().get(0).start().toLocalDate()).isEqualTo(LocalDate.of(2024, 9, 1));
    }

    @Test
    void theStartMonthComesFromConfig() {
        Archive a = archive(8);

        assertThat(a.academicYears()).extracting(Archive.Period::key).containsExactly("2024-25", "2023-24");
        assertThat(a.academicYears()).extracting(Archive.Period::count).containsExactly(3, 3);
    }

    @Test
    void aYearStartingInJanuaryIsLabelledWithOneYear() {
        assertThat(archive(1).academicYears()).extracting(Archive.Period::key).containsExactly("2024", "2023");
        assertThat(Archive.academicYearLabel(1999, 9)).isEqualTo("1999-00");
    }

    @Test
    void academicYearOfADay() {
        assertThat(Archive.academicYearOf(LocalDate.of(2024, 8, 31), 9)).isEqualTo(2023);
        assertThat(Archive.academicYearOf(LocalDate.of(2024, 9, 1), 9)).isEqualTo(2024);
    }

    @Test
    void periodsListsEveryPageToWrite() {
        assertThat(archive(9).periods()).extracting(Archive.Period::key).containsExactly(
                "2024", "2024-11", "2024-09", "2024-08", "2024-03", "2023", "2023-10", "2024-25", "2023-24");
    }

    @Test
    void anEmptySiteHasAnEmptyArchive() {
        Archive a = Archive.of(List.of(), 9, LONDON, path -> Address.ofPath("", "/", path));

        assertThat(a.isEmpty()).isTrue();
        assertThat(a.periods()).isEmpty();
    }
}
