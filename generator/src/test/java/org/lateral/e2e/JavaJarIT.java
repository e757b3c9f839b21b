package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.testing.TestSites;

/**
 * The packaged jar started as a user starts it, {@code java -jar lateral.jar build SITE}: the build
 * runs in a second JVM with {@code bin/lateral}'s settings (it records the class-data archive beside
 * the jar, which only that JVM does), with the same output, messages and exit codes; the switch and
 * a JVM option before {@code -jar} keep it in the first JVM; stopping the first JVM stops the second.
 */
class JavaJarIT {

    @TempDir
    Path tmp;

    Path jar;

    @BeforeEach
    void aCopyOfThePackagedJar() throws IOException {
        Path built = Path.of("target", "lateral.jar");
        assertThat(built).as("the packaged jar (mvn package)").isRegularFile();
        jar = Files.copy(built, Files.createDirectories(tmp.resolve("lib")).resolve("lateral.jar"));
    }

    private record Run(int code, String out, String err) {
    }

    private ProcessBuilder java(Map<String, String> extraEnv, String... args) {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        Stream.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "LATERAL_JAVA_OPTS", "LATERAL_RELAUNCH", "LATERAL_LAUNCHED")
                .forEach(env::remove);
        env.putAll(extraEnv);
        return pb;
    }

    private Run run(Map<String, String> extraEnv, String... args) throws Exception {
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process p = java(extraEnv, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the build ends").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Optional<Path> archive() throws IOException {
        try (Stream<Path> files = Files.list(jar.getParent())) {
            return files.filter(f -> f.getFileName().toString().matches("lateral-jar-[0-9a-f]+\\.jsa")).findFirst();
        }
    }

    private Path site(int posts) {
        StringBuilder spec = new StringBuilder("""
                -- site.yaml --
                title: A teacher's CPD
                baseUrl: https://example.org/
                """);
        for (int i = 1; i <= posts; i++) {
            spec.append("-- content/posts/post-").append(i).append(".md --\n---\ntitle: Post ").append(i)
                    .append("\ndate: 2024-03-").append(String.format("%02d", 1 + i % 28)).append("\ntags: [oracy]\n---\n")
                    .append("What I took away from session ").append(i).append(".\n");
        }
        return TestSites.inline(tmp.resolve("site-" + posts), spec.toString());
    }

    @Test
    void aBuildRunsInASecondJvmWithTheSameOutputAndMessages() throws Exception {
        Path site = site(3);
        Run first = run(Map.of(), "-jar", jar.toString(), "build", site.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Built ").contains("3 posts");
        assertThat(Files.readString(site.resolve("public/index.html"))).contains("Post 1");
        assertThat(archive()).as("the archive the second JVM records at its exit").isPresent();

        Run again = run(Map.of(), "-jar", jar.toString(), "build", site.toString(), "-o", "elsewhere");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(tmp.resolve("elsewhere/index.html")).isRegularFile(); // relative to the first JVM's folder
        assertThat(Files.readString(tmp.resolve("elsewhere/index.html")))
                .isEqualTo(Files.readString(site.resolve("public/index.html")));
    }

    @Test
    void aContentErrorExitsOneWithItsMessageThroughTheSecondJvm() throws Exception {
        Path site = TestSites.inline(tmp.resolve("broken"), """
                -- site.yaml --
                title: Broken
                baseUrl: https://example.org/
                -- content/posts/bad.md --
                ---
                title: [unclosed
                ---
                Body.
                """);
        Run run = run(Map.of(), "-jar", jar.toString(), "build", site.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("bad.md:2:").contains("error:");
        assertThat(archive()).isPresent();
        Run usage = run(Map.of(), "-jar", jar.toString(), "build", "--no-such-option");
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--no-such-option");
    }

    @Test
    void theSwitchAndAJvmOptionBeforeJarKeepTheBuildInTheFirstJvm() throws Exception {
        Path site = site(2);
        Run off = run(Map.of("LATERAL_RELAUNCH", "0"), "-jar", jar.toString(), "build", site.toString());
        assertThat(off.code()).as(off.err()).isZero();
        assertThat(off.out()).contains("Built ");
        Run own = run(Map.of(), "-Xmx256m", "-jar", jar.toString(), "build", site.toString());
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(archive()).as("no second JVM ran").isEmpty();
    }

    @Test
    void stoppingTheFirstJvmStopsTheBuildInTheSecond() throws Exception {
        Path site = site(400);
        Process parent = java(Map.of(), "-jar", jar.toString(), "build", site.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle child = null;
        for (int i = 0; i < 600 && child == null && parent.isAlive(); i++) {
            child = parent.toHandle().children().findFirst().orElse(null);
            if (child == null) {
                Thread.sleep(50);
            }
        }
        assertThat(child).as("the second JVM").isNotNull();
        parent.destroy(); // SIGTERM to the first JVM alone, as a service manager or kill PID sends it
        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        ProcessHandle second = child;
        assertThat(second.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(site.resolve("public/index.html")).as("the build stopped before it wrote its output").doesNotExist();
    }
}
