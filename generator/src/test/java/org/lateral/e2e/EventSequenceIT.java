package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.lateral.BuildRequest;
import org.lateral.BuildResult;
import org.lateral.Lateral;
import org.lateral.Problem;
import org.lateral.testing.TestSites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event's calendar {@code SEQUENCE} rises by itself each time its time, place or status changes
 * in the site's git history (and once more for an uncommitted change), so calendars that imported
 * the event take the change; other edits leave it alone; {@code sequence:} written is a floor.
 */
class EventSequenceIT {

    static final Instant BUILT = Instant.parse("2030-01-10T12:00:00Z");
    static final String EVENT = "content/events/2030-03-14-teachmeet.md";
    static final String ICS = "public/events/2030/teachmeet/teachmeet.ics";

    static String event(String start, String location, String status, String body) {
        return "---\ntitle: TeachMeet Cwm\nstart: 2030-03-14 " + start + "\nduration: 2h\nlocation: \"" + location
                + "\"\nstatus: " + status + "\n---\n" + body + "\n";
    }

    static Path site(Path dir) {
        return TestSites.inline(dir, """
                -- site.yaml --
                title: Cwm network
                baseUrl: https://cwm.example.org/
                timezone: Europe/London
                -- .gitignore --
                public/
                """);
    }

    static void commit(Git git, Path site, String text, String message) throws Exception {
        Path f = site.resolve(EVENT);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        git.add().addFilepattern(".").call();
        PersonIdent who = new PersonIdent("Llŷr", "llyr@example.org");
        git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
    }

    static VEvent built(Path site, List<Problem> warnings) throws Exception {
        BuildResult r = Lateral.build(BuildRequest.of(site).withNow(BUILT));
        warnings.addAll(r.warnings());
        String text = Files.readString(site.resolve(ICS), StandardCharsets.UTF_8);
        Calendar cal = new CalendarBuilder().build(new StringReader(text));
        assertThat(cal.validate().getEntries()).isEmpty();
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static String sequence(VEvent e) {
        return e.getProperty("SEQUENCE").map(p -> p.getValue()).orElse("");
    }

    @Test
    void everyChangeOfTimePlaceOrStatusRaisesTheSequence(@TempDir Path dir) throws Exception {
        Path site = site(dir);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(site.toFile()).call()) {
            commit(git, site, event("16:30", "Library", "scheduled", "Short talks."), "the TeachMeet");
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("0");

            commit(git, site, event("16:30", "Library", "scheduled", "Short talks, and cake."), "words only");
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).as("the description alone").isEqualTo("0");

            commit(git, site, event("17:00", "Library", "scheduled", "Short talks, and cake."), "later start");
            commit(git, site, event("17:00", "Hall", "scheduled", "Short talks, and cake."), "bigger room");
            VEvent twice = built(site, new java.util.ArrayList<>());
            assertThat(sequence(twice)).isEqualTo("2");
            assertThat(twice.getProperty("LOCATION").map(p -> p.getValue()).orElse("")).isEqualTo("Hall");

            // saved but not committed yet (a teacher previewing): counts already, and the same after committing
            Files.writeString(site.resolve(EVENT), event("17:00", "Hall", "cancelled", "Short talks, and cake."));
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("3");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("cancelled").setAuthor("Llŷr", "llyr@example.org").call();
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("3");

            // back and forth is still a change each time
            commit(git, site, event("17:00", "Hall", "scheduled", "On after all."), "on again");
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("4");
        }
    }

    @Test
    void aSequenceWrittenByHandIsAFloor(@TempDir Path dir) throws Exception {
        Path site = site(dir);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(site.toFile()).call()) {
            commit(git, site, event("16:30", "Library", "scheduled", "Talks.").replace("status:", "sequence: 5\nstatus:"),
                    "imported with its old sequence");
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("5");
            commit(git, site, event("16:45", "Library", "scheduled", "Talks.").replace("status:", "sequence: 5\nstatus:"),
                    "moved");
            assertThat(sequence(built(site, new java.util.ArrayList<>()))).isEqualTo("5");
        }
    }

    @Test
    void aSiteOutsideGitKeepsTheWrittenOrStatusSequence(@TempDir Path dir) throws Exception {
        Path site = site(dir);
        Files.createDirectories(site.resolve(EVENT).getParent());
        Files.writeString(site.resolve(EVENT), event("16:30", "Library", "postponed", "Talks."));
        List<Problem> warnings = new java.util.ArrayList<>();
        assertThat(sequence(built(site, warnings))).isEqualTo("1");
        assertThat(warnings).noneMatch(w -> w.message().contains("shallow"));
    }

    @Test
    void aShallowCloneSaysItCannotCountChanges(@TempDir Path dir) throws Exception {
        Path site = site(dir);
        try (Git git = Git.init().setInitialBranch("main").setDirectory(site.toFile()).call()) {
            commit(git, site, event("16:30", "Library", "scheduled", "Talks."), "first");
            commit(git, site, event("17:30", "Library", "scheduled", "Talks."), "later");
            ObjectId head = git.getRepository().resolve("HEAD");
            git.getRepository().getObjectDatabase().setShallowCommits(Set.of(head)); // as git clone --depth 1 leaves it
        }
        List<Problem> warnings = new java.util.ArrayList<>();
        built(site, warnings);
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.file().toString()).endsWith("2030-03-14-teachmeet.md");
            assertThat(w.message()).contains("shallow clone");
            assertThat(w.hint()).contains("fetch-depth: 0").contains("sequence:");
        });
    }
}
