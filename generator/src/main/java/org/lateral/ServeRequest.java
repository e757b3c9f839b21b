package org.lateral;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What to preview: a site folder, and how ({@link Lateral#serve}).
 *
 * @param siteDir the folder holding site.yaml
 * @param port    the port to listen on; 0 takes any free one (the address says which)
 * @param bind    the address to listen on; 127.0.0.1 keeps the preview to this computer
 * @param drafts  show drafts and scheduled posts (with their labels), as a teacher previewing
 *                wants; false shows the site as it will be published
 * @param poll    look for changes every so often instead of waiting for the system's file events
 *                (network drives, virtual machines, containers)
 * @param open    open the preview in the default browser once it is up
 * @param staging the private folder the preview builds into; a new temporary folder, removed at
 *                the end, when empty. Never the site's {@code public/}.
 * @param caller  the tool the person is using, whose commands the fixes in messages name
 * @param out     where the one-line reports go (the address, each rebuild)
 * @param warn    where warnings and problems go
 * @param clock   the time that decides what is scheduled, asked at every build
 * @param quiet   how long the files must be still before a rebuild starts
 */
public record ServeRequest(Path siteDir, int port, String bind, boolean drafts, Optional<Duration> poll, boolean open,
        Optional<Path> staging, Caller caller, Consumer<String> out, Consumer<String> warn, Supplier<Instant> clock,
        Duration quiet) {

    /** The port Hugo's preview uses too, so teachers' bookmarks carry over. */
    public static final int DEFAULT_PORT = 1313;
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    /** How long files must be still before a rebuild: an editor's save (write, rename, delete) is one burst within it. */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(30);

    public ServeRequest {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(staging, "staging");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(warn, "warn");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quiet, "quiet");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
    }

    /** Previews {@code siteDir} on 127.0.0.1:1313, drafts shown, reports on standard output and error. */
    public static ServeRequest of(Path siteDir) {
        return new ServeRequest(siteDir, DEFAULT_PORT, "127.0.0.1", true, Optional.empty(), false, Optional.empty(),
                Caller.COMMAND_LINE, System.out::println, System.err::println, Instant::now, DEFAULT_QUIET);
    }

    public ServeRequest withPort(int p) {
        return new ServeRequest(siteDir, p, bind, drafts, poll, open, staging, caller, out, warn, clock, quiet);
    }

    public ServeRequest withBind(String b) {
        return new ServeRequest(siteDir, port, b, drafts, poll, open, staging, caller, out, warn, clock, quiet);
    }

    public ServeRequest withDrafts(boolean d) {
        return new ServeRequest(siteDir, port, bind, d, poll, open, staging, caller, out, warn, clock, quiet);
    }

    /** Polls every {@code every}; empty waits for the system's file events. */
    public ServeRequest withPoll(Optional<Duration> every) {
        return new ServeRequest(siteDir, port, bind, drafts, every, open, staging, caller, out, warn, clock, quiet);
    }

    public ServeRequest withOpen(boolean o) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, o, staging, caller, out, warn, clock, quiet);
    }

    public ServeRequest withStaging(Path dir) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, open, Optional.ofNullable(dir), caller, out, warn,
                clock, quiet);
    }

    public ServeRequest withCaller(Caller c) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, open, staging, c, out, warn, clock, quiet);
    }

    public ServeRequest withOutput(Consumer<String> info, Consumer<String> warnings) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, open, staging, caller, info, warnings, clock, quiet);
    }

    public ServeRequest withClock(Supplier<Instant> c) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, open, staging, caller, out, warn, c, quiet);
    }

    public ServeRequest withQuiet(Duration q) {
        return new ServeRequest(siteDir, port, bind, drafts, poll, open, staging, caller, out, warn, clock, q);
    }
}
