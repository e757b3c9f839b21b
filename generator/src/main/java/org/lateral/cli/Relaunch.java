package org.lateral.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code java -jar lateral.jar build …} started with the JVM's defaults runs the build in a second
 * JVM with {@code bin/lateral}'s settings (class-data sharing, the quick JIT only, the serial
 * collector and its sizing), as Gradle's, sbt's and Elasticsearch's launchers start the JVM that does
 * the work with the options it needs. The defaults (the optimising JIT compiling on top of the quick
 * one, G1, no archive of Lateral's classes) spend about twice the CPU on a build of a few seconds;
 * the second JVM's start costs a few hundredths of a second (BENCH.md, issue 20).
 *
 * <p>Only a {@code build} is relaunched, and only when this JVM was started as plain {@code java -jar
 * FILE.jar} with no option before {@code -jar} (someone who names JVM options has chosen them), no
 * {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS} (which the second JVM would also read), and
 * the JVM says what it was started with (where it does not, the build runs here as before). Off with
 * {@code LATERAL_RELAUNCH=0} or {@code -Dlateral.relaunch=false}. {@code LATERAL_JAVA_OPTS} is added as
 * {@code bin/lateral} adds it (a collector named there replaces the serial one). The second JVM shares
 * this one's standard input, output and error, folder and environment; its exit code is this one's.
 * Ctrl-C reaches both (the terminal signals the whole process group); when only this JVM is stopped
 * it stops the second one and waits for it. Nothing here loads picocli or Lateral's other classes.
 */
final class Relaunch {

    /** Set in the second JVM's environment: it never relaunches itself. */
    static final String LAUNCHED = "LATERAL_LAUNCHED";

    /** {@code 0}, {@code false}, {@code no} or {@code off}: run the build in the JVM {@code java -jar} started. */
    static final String SWITCH = "LATERAL_RELAUNCH";

    /** The collector and its sizing: those of {@code bin/lateral} (see its notes). */
    static final List<String> GC = List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=40",
            "-XX:MaxNewSize=128m", "-XX:MaxRAMPercentage=50");

    private Relaunch() {
    }

    /**
     * Runs the command line in a second JVM when it should ({@link Relaunch}).
     *
     * @return the second JVM's exit code; empty when this JVM should run the command itself
     */
    static OptionalInt run(String[] args) {
        if (args.length == 0 || !args[0].equals("build")) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = command(args, System.getenv(), System.getProperties(), jvmArgs());
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        pb.environment().put(LAUNCHED, "1");
        // the hook is in place before the second JVM starts: a signal in between still stops it
        java.util.concurrent.atomic.AtomicReference<Process> started = new java.util.concurrent.atomic.AtomicReference<>();
        boolean[] stopping = {false};
        Thread stop = new Thread(() -> {
            synchronized (started) {
                stopping[0] = true;
                Process p = started.get();
                if (p != null) {
                    stop(p);
                }
            }
        }, "lateral-relaunch-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        Process child;
        synchronized (started) { // not started once the hook has run
            if (stopping[0]) {
                return OptionalInt.of(ExitCodes.FAILURE); // this JVM is stopping: no build
            }
            try {
                child = pb.start();
            } catch (IOException | RuntimeException e) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    return OptionalInt.of(ExitCodes.FAILURE);
                }
                return OptionalInt.empty(); // no second JVM: the build runs here, as before
            }
            started.set(child);
        }
        while (true) {
            try {
                int code = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs already; it finds the child gone
                }
                return OptionalInt.of(code);
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the build ends
            }
        }
    }

    /**
     * What this JVM was started with, after the program's name; null when it does not say. On Linux
     * from {@code /proc/self/cmdline} (a twentieth of a second quicker than {@link ProcessHandle.Info},
     * which also looks up the user and the start time), elsewhere from {@link ProcessHandle.Info}.
     */
    static String[] jvmArgs() {
        Path cmdline = Path.of("/proc/self/cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                String all = new String(Files.readAllBytes(cmdline), jnuCharset());
                if (all.endsWith("\0")) {
                    all = all.substring(0, all.length() - 1);
                }
                String[] words = all.split("\0", -1);
                return words.length < 1 ? null : java.util.Arrays.copyOfRange(words, 1, words.length);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return ProcessHandle.current().info().arguments().orElse(null);
    }

    /** The charset the JVM decoded its command line with. */
    private static java.nio.charset.Charset jnuCharset() {
        try {
            return java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding"));
        } catch (RuntimeException e) {
            return java.nio.charset.Charset.defaultCharset();
        }
    }

    /** This JVM is stopping (a signal to it alone, {@code kill PID}): the build stops with it. */
    private static void stop(Process child) {
        if (child.isAlive()) {
            child.destroy();
            try {
                child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The second JVM's command line, or empty when the command should run here.
     *
     * @param jvmArgs what this JVM was started with, after the program's name ({@code -jar}, the
     *                jar, then {@code args}); null when the JVM does not say
     */
    static Optional<List<String>> command(String[] args, Map<String, String> env, java.util.Properties props,
            String[] jvmArgs) {
        if (args.length == 0 || !args[0].equals("build") || env.containsKey(LAUNCHED) || off(env.get(SWITCH))
                || off(props.getProperty("lateral.relaunch")) || !blank(env.get("JDK_JAVA_OPTIONS"))
                || !blank(env.get("JAVA_TOOL_OPTIONS"))) {
            return Optional.empty();
        }
        if (jvmArgs == null || jvmArgs.length != args.length + 2 || !jvmArgs[0].equals("-jar")
                || !jvmArgs[1].toLowerCase(Locale.ROOT).endsWith(".jar")) {
            return Optional.empty(); // options before -jar, or not started from a jar: the user's own JVM
        }
        for (int i = 0; i < args.length; i++) {
            if (!args[i].equals(jvmArgs[i + 2])) {
                return Optional.empty(); // not this program's own command line
            }
        }
        Path jar = Path.of(jvmArgs[1]).toAbsolutePath();
        Path java = Path.of(props.getProperty("java.home"), "bin",
                props.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (!Files.isRegularFile(jar) || !Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> extra = new ArrayList<>();
        String own = env.get("LATERAL_JAVA_OPTS");
        if (!blank(own)) {
            extra.addAll(List.of(own.strip().split("\\s+")));
        }
        List<String> line = new ArrayList<>();
        line.add(java.toString());
        line.addAll(archive(jar, java, env, props));
        line.add("-XX:TieredStopAtLevel=1");
        if (extra.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            line.addAll(GC); // a collector the user names (-XX:+UseG1GC) wins, with its own sizing
        }
        line.addAll(extra);
        line.add("-jar");
        line.add(jar.toString());
        line.addAll(List.of(args));
        return Optional.of(line);
    }

    /**
     * Class-data sharing as {@code bin/lateral} does it: the archive of Lateral's classes beside the
     * jar (else in the user's cache folder), one per Java; recorded at the first run's exit, used from
     * then on, made again when the jar is newer than it.
     */
    static List<String> archive(Path jar, Path java, Map<String, String> env, java.util.Properties props) {
        Path dir = jar.getParent();
        if (dir == null || !Files.isWritable(dir)) {
            String cache = env.get("XDG_CACHE_HOME");
            dir = (blank(cache) ? Path.of(props.getProperty("user.home"), ".cache") : Path.of(cache)).resolve("lateral");
            try {
                Files.createDirectories(dir);
            } catch (IOException | RuntimeException e) {
                return List.of(); // nowhere to keep it: no archive
            }
        }
        // one per jar and Java: an archive is only valid for the JVM that wrote it and the jar it was made from
        String key = Integer.toHexString((jar + File.pathSeparator + java + File.pathSeparator
                + props.getProperty("java.vm.version")).hashCode());
        Path jsa = dir.resolve("lateral-jar-" + key + ".jsa");
        List<String> quiet = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        try {
            if (Files.isRegularFile(jsa) && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return concat("-XX:SharedArchiveFile=" + jsa, quiet);
            }
            Files.deleteIfExists(jsa);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return concat("-XX:ArchiveClassesAtExit=" + jsa, quiet);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static boolean off(String value) {
        return value != null && List.of("0", "false", "no", "off").contains(value.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
