package org.lateral.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.lateral.Caller;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.internal.Slugs;
import org.lateral.render.Theme;
import org.lateral.render.ThemeLoader;

/**
 * Writes a starter site ({@code lateral new site}) and new posts ({@code lateral new post}). Never
 * overwrites a file: an existing non-empty folder or post is refused.
 */
public final class Scaffolder {

    private static final String ROOT = "org/lateral/scaffold/site/";
    /** Every file of the starter site, relative to {@link #ROOT}. */
    private static final List<String> STARTER = List.of(
            "site.yaml",
            "content/posts/welcome-to-your-cpd-blog.md",
            "content/posts/teachmeet-reflection/index.md",
            "content/posts/teachmeet-reflection/cycle.svg",
            "content/pages/about.md",
            "static/favicon.svg");

    private Scaffolder() {
    }

    /**
     * Files a folder may already hold for a new site to start in it: a project's own, none of
     * which the starter site writes (a site can start beside its pom.xml, in a fresh git clone).
     */
    static final Set<String> PROJECT_FILES = Set.of("pom.xml", ".git", ".mvn", ".gitignore", ".gitattributes",
            "README", "README.md", "README.txt", "LICENSE", "LICENSE.md", "LICENSE.txt", "target");

    /**
     * Creates a starter site in {@code dir} that GitHub Pages publishes: also a GitHub Actions workflow
     * ({@code .github/workflows/publish.yml}) that builds and publishes the site at every push with the
     * Maven plugin of {@code lateralVersion}, and a {@code .gitignore} for the build folders.
     */
    public static List<Path> newGitHubPagesSite(Path dir, String title, ZonedDateTime now, String lateralVersion) {
        List<Path> written = new ArrayList<>(newSite(dir, title, now));
        Path workflow = dir.resolve(".github/workflows/publish.yml");
        write(workflow, resource("../github-pages/publish.yml").replace("{{version}}", lateralVersion));
        written.add(workflow);
        return written; // newSite wrote the .gitignore for the build folders (unless the project had one)
    }

    /**
     * Checks that {@code theme} is a theme Lateral ships ({@link ThemeLoader#BUILT_IN}), before a
     * starter site is written with it.
     */
    public static void checkStarterTheme(String theme) {
        checkStarterTheme(theme, Caller.COMMAND_LINE);
    }

    /** As {@link #checkStarterTheme(String)}, with the fix in the words of {@code caller}. */
    public static void checkStarterTheme(String theme, Caller caller) {
        if (!ThemeLoader.BUILT_IN.contains(theme)) {
            java.util.Optional<String> near = org.lateral.internal.Suggestions.closest(theme, ThemeLoader.BUILT_IN);
            throw new LateralException(Problem.general("there is no theme \"" + theme + "\" to start a site with;"
                            + " the themes Lateral ships are " + String.join(" and ", ThemeLoader.BUILT_IN),
                    near.map(k -> "did you mean " + k + "? ").orElse("")
                            + caller.themeFix(near.orElse("school"))
                            + " (your own theme can be set in site.yaml later)"));
        }
    }

    /**
     * Sets a starter site's theme in its site.yaml: {@code school} with its options to fill in (the
     * school's name, its crest); {@code default} leaves the file as it is.
     */
    public static void useStarterTheme(Path dir, String theme) {
        checkStarterTheme(theme, Caller.COMMAND_LINE);
        if (theme.equals("default")) {
            return;
        }
        Path siteYaml = dir.resolve("site.yaml");
        String text;
        try {
            text = Files.readString(siteYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + siteYaml, e);
        }
        String chosen = theme.equals("school") ? """
                # The school theme: the school's name and crest in the header, a programme-style home page.
                # Put the crest in static/ (square, best as SVG) and write its file name below.
                theme:
                  name: school
                  school: "Our school"
                  crest: ""
                """ : "theme: " + theme + "\n";
        write(siteYaml, text.replaceFirst("(?m)^# Your colour and your logo.*\\n# theme: \\{.*\\n", "")
                .replaceFirst("(?m)^theme: default\\n", java.util.regex.Matcher.quoteReplacement(chosen)));
    }

    /** Creates a starter site in {@code dir}; returns the files written. */
    public static List<Path> newSite(Path dir, String title, ZonedDateTime now) {
        return newSite(dir, title, now, Caller.COMMAND_LINE);
    }

    /**
     * Creates a starter site in {@code dir}, which may be new, empty or hold only
     * {@link #PROJECT_FILES}; returns the files written.
     */
    public static List<Path> newSite(Path dir, String title, ZonedDateTime now, Caller caller) {
        if (Files.isRegularFile(dir)) {
            throw new LateralException(Problem.general(dir + " is a file", "choose a name for a new folder"));
        }
        if (Files.isDirectory(dir) && !holdsOnlyProjectFiles(dir)) {
            throw new LateralException(Problem.general("the folder " + dir + " already exists and holds files"
                    + " other than a project's own (pom.xml, .git, README)", caller.folderNotEmptyFix()));
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
        List<Path> written = new ArrayList<>();
        for (String name : STARTER) {
            String text = resource(name)
                    .replace("{{title}}", quoted(title))
                    .replace("{{today}}", now.format(day))
                    .replace("{{lastWeek}}", now.minusDays(7).format(day));
            Path target = dir.resolve(name);
            write(target, text);
            written.add(target);
        }
        Path ignore = dir.resolve(".gitignore");
        if (!Files.exists(ignore)) { // the build folders are never committed; a project's own .gitignore is kept
            write(ignore, resource("../github-pages/gitignore"));
            written.add(ignore);
        }
        return written;
    }

    /** Creates {@code content/posts/<slug>.md} dated now in the site's time zone. */
    public static Path newPost(Path siteDir, String title, java.time.Instant now) {
        return newPost(siteDir, title, now, Caller.COMMAND_LINE);
    }

    /** As {@link #newPost(Path, String, java.time.Instant)}; a missing site.yaml's fix names {@code caller}'s commands. */
    public static Path newPost(Path siteDir, String title, java.time.Instant now, Caller caller) {
        return newPost(siteDir, title, now, caller, false);
    }

    /** As {@link #newPost(Path, String, java.time.Instant, Caller, boolean)} from the command line. */
    public static Path newPost(Path siteDir, String title, java.time.Instant now, boolean bundle) {
        return newPost(siteDir, title, now, Caller.COMMAND_LINE, bundle);
    }

    /**
     * Creates a post dated now in the site's time zone: {@code content/posts/<slug>.md}, or with
     * {@code bundle} a folder for the post and its pictures,
     * {@code content/posts/<yyyy-mm-dd>-<slug>/index.md}.
     */
    public static Path newPost(Path siteDir, String title, java.time.Instant now, Caller caller, boolean bundle) {
        Target t = target(siteDir, title, now, caller, bundle, "post");
        String text = Archetypes.fill(Archetypes.find("post", siteDir, t.theme()).text(), t.values())
                + (bundle ? "\nPut pictures in this folder, beside index.md, and show one like this (say what it"
                        + " shows, for readers who cannot see it):\n\n![What the picture shows](photo.jpg)\n" : "");
        write(t.file(), text);
        return t.file();
    }

    /**
     * Creates a reflection dated now: a post whose headings are the stages of {@code model} (Gibbs,
     * Borton, …, or one of the site's {@code data/reflections/}), each with its prompt as a comment,
     * and {@code reflection: <model>} in its front matter.
     */
    public static Path newReflection(Path siteDir, String title, String model, java.time.Instant now, Caller caller) {
        if (SiteConfigLoader.find(siteDir).isEmpty()) {
            throw new LateralException(Problem.general("there is no site.yaml in " + siteDir.toAbsolutePath(),
                    caller.noSiteForPostFix()));
        }
        List<Problem> problems = new ArrayList<>();
        java.util.Map<String, org.lateral.cpd.ReflectionModel> models = org.lateral.cpd.DataFiles.models(siteDir, problems);
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        String id = model.strip().toLowerCase(Locale.ROOT);
        org.lateral.cpd.ReflectionModel m = models.get(id);
        if (m == null) {
            java.util.Optional<String> near = org.lateral.internal.Suggestions.closest(id, models.keySet());
            throw new LateralException(Problem.general("there is no reflective model called \"" + model + "\""
                            + near.map(n -> "; did you mean " + n + "?").orElse(""),
                    "choose one of " + String.join(", ", models.keySet()) + " (lateral new reflection --list shows them)"));
        }
        Target t = target(siteDir, title, now, caller, false, "reflection");
        StringBuilder stages = new StringBuilder();
        for (org.lateral.cpd.ReflectionModel.Stage s : m.stages()) {
            stages.append("## ").append(s.heading()).append("\n\n");
            if (!s.prompt().isEmpty()) {
                stages.append("<!-- ").append(s.prompt().replace("--", "\u2013")).append(" -->\n\n");
            }
        }
        java.util.Map<String, String> values = new java.util.HashMap<>(t.values());
        values.put("model", m.id());
        values.put("modelName", m.name());
        values.put("stages", stages.toString().stripTrailing());
        String text = Archetypes.fill(Archetypes.find("reflection", siteDir, t.theme()).text(), values);
        write(t.file(), text.endsWith("\n") ? text : text + "\n");
        return t.file();
    }

    /**
     * Creates an event from its archetype ({@code event.md}: the site's, the theme's, else Lateral's):
     * {@code content/events/<yyyy-mm-dd>-<slug>.md}, starting a week from now at 16:00 in the site's
     * time zone and ending at 17:30, so that it builds as written; the date in the file name is the
     * start's.
     */
    public static Path newEvent(Path siteDir, String title, java.time.Instant now, Caller caller) {
        Target t = target(siteDir, title, now, caller, false, "event");
        SiteConfig config = SiteConfigLoader.load(siteDir, new ArrayList<>());
        java.time.LocalDate day = now.atZone(config.timezone()).toLocalDate().plusDays(7);
        String slug = t.values().get("slug");
        Path file = siteDir.resolve("content/events/" + day + "-" + slug + ".md");
        for (String existing : List.of(day + "-" + slug + ".md", day + "-" + slug + "/index.md")) {
            if (Files.exists(siteDir.resolve("content/events/" + existing))) {
                throw new LateralException(Problem.general("an event called " + slug + " on " + day + " already exists",
                        "give the new event another title, or open content/events/" + existing));
            }
        }
        java.util.Map<String, String> values = new java.util.HashMap<>(t.values());
        values.put("start", day + " 16:00");
        values.put("end", "17:30");
        values.put("date", day + " 16:00");
        String text = Archetypes.fill(Archetypes.find("event", siteDir, t.theme()).text(), values);
        write(file, text.endsWith("\n") ? text : text + "\n");
        return file;
    }

    /** The reflective models a site can use, by id, Lateral's first. */
    public static java.util.Map<String, org.lateral.cpd.ReflectionModel> reflectionModels(Path siteDir) {
        List<Problem> problems = new ArrayList<>();
        java.util.Map<String, org.lateral.cpd.ReflectionModel> models = org.lateral.cpd.DataFiles.models(siteDir, problems);
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        return models;
    }

    /** Where a new post goes and the values its archetype is filled with. */
    private record Target(Path file, java.util.Map<String, String> values, java.util.Optional<Theme> theme) {
    }

    private static Target target(Path siteDir, String title, java.time.Instant now, Caller caller, boolean bundle,
            String kind) {
        if (SiteConfigLoader.find(siteDir).isEmpty()) {
            throw new LateralException(Problem.general("there is no site.yaml in " + siteDir.toAbsolutePath(),
                    caller.noSiteForPostFix()));
        }
        String slug = Slugs.slugify(title);
        if (slug.isEmpty()) {
            throw new LateralException(Problem.general("the title \"" + title + "\" has no letters or digits",
                    "give the " + kind + " a title in words, e.g. lateral new " + kind + " \"What I learned today\""));
        }
        SiteConfig config = SiteConfigLoader.load(siteDir, new ArrayList<>());
        ZoneId zone = config.timezone();
        String day = now.atZone(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT));
        String name = bundle ? day + "-" + slug + "/index.md" : slug + ".md";
        Path target = siteDir.resolve("content/posts/" + name);
        for (String existing : "event".equals(kind) ? List.<String>of() : List.of(slug + ".md", slug + "/index.md",
                day + "-" + slug + ".md", day + "-" + slug + "/index.md")) {
            if (Files.exists(siteDir.resolve("content/posts/" + existing))) {
                throw new LateralException(Problem.general("a post called " + slug + " already exists",
                        "give the new " + kind + " another title, or open content/posts/" + existing));
            }
        }
        String date = now.atZone(zone).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        java.util.Optional<Theme> theme;
        try {
            theme = java.util.Optional.of(ThemeLoader.load(config.theme(), siteDir, Scaffolder.class.getClassLoader()));
        } catch (LateralException e) {
            theme = java.util.Optional.empty(); // a missing theme is the build's to report
        }
        return new Target(target, java.util.Map.of("title", "\"" + quoted(title) + "\"", "date", date, "slug", slug),
                theme);
    }

    /**
     * The text of a YAML double-quoted value (without the quotes), escaped by Jackson: JSON's
     * escapes (backslash, quote, control characters) are also YAML's.
     */
    static String quoted(String text) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text));
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static String resource(String name) {
        String path = name.startsWith("../") ? "org/lateral/scaffold/" + name.substring(3) : ROOT + name;
        try (InputStream in = Scaffolder.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("starter file missing from the jar: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean holdsOnlyProjectFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.allMatch(p -> PROJECT_FILES.contains(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
