package org.lateral.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines {@link Relaunch} runs in a second JVM, and with what. */
class RelaunchTest {

    @TempDir
    Path tmp;

    private Path jar;
    private final Map<String, String> env = new HashMap<>();
    private final Properties props = new Properties();

    @BeforeEach
    void aJarAndThisJava() throws Exception {
        jar = Files.writeString(tmp.resolve("lateral.jar"), "a jar");
        props.setProperty("java.home", System.getProperty("java.home"));
        props.setProperty("java.vm.version", System.getProperty("java.vm.version"));
        props.setProperty("os.name", System.getProperty("os.name"));
        props.setProperty("user.home", tmp.resolve("home").toString());
    }

    private String[] plain(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-jar";
        all[1] = jar.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    private List<String> command(String[] jvmArgs, String... args) {
        return Relaunch.command(args, env, props, jvmArgs).orElse(null);
    }

    @Test
    void aBuildFromPlainJavaJarRunsWithTheLaunchersSettings() {
        List<String> line = command(plain("build", "site", "-o", "out"), "build", "site", "-o", "out");
        assertThat(line).isNotNull();
        assertThat(Path.of(line.get(0))).isEqualTo(Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "java.exe" : "java"));
        assertThat(line).contains("-XX:TieredStopAtLevel=1").containsAll(Relaunch.GC)
                .containsSubsequence("-jar", jar.toAbsolutePath().toString(), "build", "site", "-o", "out")
                .anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=" + tmp.resolve("lateral-jar-")));
        assertThat(line.subList(line.size() - 6, line.size()))
                .containsExactly("-jar", jar.toAbsolutePath().toString(), "build", "site", "-o", "out");
    }

    @Test
    void anArchiveNewerThanTheJarIsUsedAndAnOlderOneMadeAgain() throws Exception {
        String made = command(plain("build"), "build").stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit="))
                .findFirst().orElseThrow();
        Path jsa = Path.of(made.substring(made.indexOf('=') + 1));
        Files.writeString(jsa, "an archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        assertThat(command(plain("build"), "build")).contains("-XX:SharedArchiveFile=" + jsa);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // a rebuilt jar
        assertThat(command(plain("build"), "build")).contains(made);
        assertThat(jsa).doesNotExist();
    }

    @Test
    void otherCommandsOptionsBeforeJarAndOtherProgramsRunHere() {
        assertThat(command(plain("serve"), "serve")).isNull();
        assertThat(command(plain(), new String[0])).isNull();
        assertThat(command(new String[] {"-Xmx2g", "-jar", jar.toString(), "build"}, "build")).isNull();
        assertThat(command(new String[] {"-cp", jar.toString(), "org.lateral.cli.Main", "build"}, "build")).isNull();
        assertThat(command(plain("build", "other"), "build", "site")).isNull();
        assertThat(command(null, "build")).isNull(); // the JVM does not say what it was started with
    }

    @Test
    void theSecondJvmTheSwitchAndTheJavasOwnOptionVariablesRunHere() {
        env.put(Relaunch.LAUNCHED, "1");
        assertThat(command(plain("build"), "build")).isNull();
        env.clear();
        for (String off : List.of("0", "false", "no", "OFF")) {
            env.put(Relaunch.SWITCH, off);
            assertThat(command(plain("build"), "build")).as(off).isNull();
        }
        env.put(Relaunch.SWITCH, "1");
        assertThat(command(plain("build"), "build")).isNotNull();
        props.setProperty("lateral.relaunch", "false");
        assertThat(command(plain("build"), "build")).isNull();
        props.remove("lateral.relaunch");
        env.put("JDK_JAVA_OPTIONS", "-Xmx1g");
        assertThat(command(plain("build"), "build")).isNull();
        env.remove("JDK_JAVA_OPTIONS");
        env.put("JAVA_TOOL_OPTIONS", "-Xss2m");
        assertThat(command(plain("build"), "build")).isNull();
    }

    @Test
    void lateralJavaOptsAreAddedAndACollectorNamedThereReplacesTheSerialOne() {
        env.put("LATERAL_JAVA_OPTS", " -Xmx3g  -Dx=y ");
        List<String> line = command(plain("build"), "build");
        assertThat(line).containsAll(Relaunch.GC).containsSubsequence("-XX:TieredStopAtLevel=1", "-Xmx3g", "-Dx=y", "-jar");
        env.put("LATERAL_JAVA_OPTS", "-XX:+UseG1GC -Xmx3g");
        line = command(plain("build"), "build");
        assertThat(line).contains("-XX:+UseG1GC", "-Xmx3g").doesNotContain("-XX:+UseSerialGC", "-XX:MaxNewSize=128m");
    }

    @Test
    void aReadOnlyJarFolderKeepsTheArchiveInTheUsersCache() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        Path inRo = Files.writeString(ro.resolve("lateral.jar"), "a jar");
        if (!ro.toFile().setWritable(false) || Files.isWritable(ro)) {
            return; // running as a user who may write anywhere: nothing to check
        }
        try {
            env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
            List<String> line = Relaunch.archive(inRo, Path.of("java"), env, props);
            assertThat(line.get(0)).startsWith("-XX:ArchiveClassesAtExit=" + tmp.resolve("cache").resolve("lateral"));
        } finally {
            ro.toFile().setWritable(true);
        }
    }
}
