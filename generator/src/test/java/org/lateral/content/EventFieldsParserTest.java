package org.lateral.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lateral.Problem;

class EventFieldsParserTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    static FrontMatterParser.Parsed parse(String yaml) {
        return new FrontMatterParser(LONDON).parse("---\ntitle: An event\n" + yaml + "---\nBody.\n",
                Path.of("content/events/e.md"), Source.EVENTS);
    }

    static EventFields fields(String yaml) {
        FrontMatterParser.Parsed p = parse(yaml);
        assertThat(p.problems().stream().filter(Problem::isError)).isEmpty();
        return p.frontMatter().event().orElseThrow();
    }

    static List<String> messages(String yaml) {
        return parse(yaml).problems().stream().map(Problem::format).toList();
    }

    @Test
    void anEndOnTheSameDayCanBeJustTheTime() {
        EventFields f = fields("start: 2030-03-14 16:30\nend: 18:30\n");
        assertThat(f.start()).isEqualTo(ZonedDateTime.of(2030, 3, 14, 16, 30, 0, 0, LONDON));
        assertThat(f.end()).contains(ZonedDateTime.of(2030, 3, 14, 18, 30, 0, 0, LONDON));
        assertThat(f.allDay()).isFalse();
    }

    @Test
    void durationsAreReadAsTeachersWriteThem() {
        assertThat(fields("start: 2030-03-14 16:30\nduration: 2h\n").duration()).contains(Duration.ofHours(2));
        assertThat(fields("start: 2030-03-14 16:30\nduration: 1h30m\n").duration()).contains(Duration.ofMinutes(90));
        assertThat(fields("start: 2030-03-14 16:30\nduration: 45 minutes\n").duration()).contains(Duration.ofMinutes(45));
        assertThat(fields("start: 2030-03-14 16:30\nduration: PT2H\n").duration()).contains(Duration.ofHours(2));
        assertThat(fields("start: 2030-09-02\nduration: 2d\n").end())
                .contains(ZonedDateTime.of(2030, 9, 4, 0, 0, 0, 0, LONDON));
        assertThat(messages("start: 2030-03-14 16:30\nduration: 90\n")).anySatisfy(m -> assertThat(m)
                .startsWith("content/events/e.md:4:").contains("duration \"90\" cannot be read (minutes or hours?)"));
    }

    @Test
    void aWholeDayEndsAtMidnightAfterItsLastDay() {
        EventFields f = fields("start: 2030-09-02\nend: 2030-09-03\n");
        assertThat(f.allDay()).isTrue();
        assertThat(f.end()).contains(ZonedDateTime.of(2030, 9, 4, 0, 0, 0, 0, LONDON));
        EventFields one = fields("start: 2030-09-02\n");
        assertThat(one.end()).contains(ZonedDateTime.of(2030, 9, 3, 0, 0, 0, 0, LONDON));
        assertThat(messages("start: 2030-09-02\nend: 2030-09-02 15:00\n")).anySatisfy(m -> assertThat(m)
                .contains("starts on a day without a time (a whole day), but its end has a time"));
    }

    @Test
    void aTimeThatHappensTwiceIsAWarningAndTheOffsetChoosesTheSecond() {
        FrontMatterParser.Parsed p = parse("start: 2030-10-27 01:30\nduration: 1h\n");
        assertThat(p.problems()).singleElement().satisfies(w -> {
            assertThat(w.isError()).isFalse();
            assertThat(w.format()).startsWith("content/events/e.md:3:")
                    .contains("01:30 on Sunday 27 October 2030 happens twice in Europe/London")
                    .contains("start: 2030-10-27 01:30+00:00");
        });
        assertThat(p.frontMatter().event().get().start().getOffset().getId()).isEqualTo("+01:00");
        assertThat(fields("start: 2030-10-27 01:30+00:00\nduration: 1h\n").start().toInstant())
                .hasToString("2030-10-27T01:30:00Z");
    }

    @Test
    void timeZonesAreCheckedWithASuggestion() {
        assertThat(fields("start: 2030-06-01 10:00\nend: 11:00\ntimezone: Europe/Paris\n").start().toInstant())
                .hasToString("2030-06-01T08:00:00Z");
        assertThat(messages("start: 2030-06-01 10:00\nend: 11:00\ntimezone: Europe/Londno\n")).anySatisfy(m ->
                assertThat(m).startsWith("content/events/e.md:5:").contains("did you mean `Europe/London`?"));
    }

    @Test
    void otherMistakesAreNamedAtTheirLine() {
        assertThat(messages("start: 2030-06-01 10:00\nend: 11:00\nduration: 1h\n"))
                .anySatisfy(m -> assertThat(m).contains("both end: and duration:"));
        assertThat(messages("date: 2030-06-01\n")).anySatisfy(m -> assertThat(m)
                .startsWith("content/events/e.md:3:").contains("an event has start: (when it begins), not date:"));
        assertThat(messages("start: 2030-06-01 10:00\nend: 11:00\nonline: meet.example.org\n")).anySatisfy(m ->
                assertThat(m).startsWith("content/events/e.md:5:").contains("online must be a web address"));
        assertThat(messages("start: 2030-06-01 10:00\nend: 11:00\nstatus: postpone\n")).anySatisfy(m ->
                assertThat(m).contains("did you mean `postponed`?"));
        assertThat(messages("start: 2030-06-01 10:00\nend: 11:00\nprogramme:\n  - { tilte: Talk }\n")).anySatisfy(m ->
                assertThat(m).contains("a programme item has no \"tilte\"; did you mean `title`?"));
        assertThat(messages("start: 2030-06-01 10:00\n")).anySatisfy(m ->
                assertThat(m).contains("a start but no end").contains("warning"));
    }

    @Test
    void onlyEventsHaveEventKeysAndOnlyPostsWriteEventsUp() {
        FrontMatterParser parser = new FrontMatterParser(LONDON);
        FrontMatterParser.Parsed post = parser.parse("---\ntitle: A post\nevent: 2030-03-14-teachmeet\n---\n",
                Path.of("content/posts/p.md"), Source.POSTS);
        assertThat(post.frontMatter().writesUp()).contains("2030-03-14-teachmeet");
        FrontMatterParser.Parsed page = parser.parse("---\ntitle: A page\nstrat: 2030-03-14\n---\n",
                Path.of("content/pages/p.md"), Source.PAGES);
        assertThat(page.problems()).isEmpty();
        assertThat(page.frontMatter().params()).containsKey("strat");
    }
}
