package org.lateral.cpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.lateral.Problem;
import org.lateral.config.Yaml;
import org.lateral.config.YamlNode;

/**
 * The frameworks and reflective models: those Lateral ships ({@code org/lateral/cpd/<folder>/}),
 * then the site's own {@code data/<folder>/*.yaml}, which add to them or, under the same name,
 * replace them.
 */
public final class DataFiles {

    static final List<String> FRAMEWORKS = List.of("teachers-standards-england", "wales-professional-standards",
            "dfe-pd-standard");
    static final List<String> MODELS = List.of("gibbs", "borton", "driscoll", "kolb", "schon", "brookfield");

    private DataFiles() {
    }

    /** Every framework by id, Lateral's first. */
    public static Map<String, Framework> frameworks(Path siteDir, List<Problem> problems) {
        return load(siteDir, "frameworks", FRAMEWORKS, problems, DataFiles::framework);
    }

    /** Every reflective model by id, Lateral's first. */
    public static Map<String, ReflectionModel> models(Path siteDir, List<Problem> problems) {
        return load(siteDir, "reflections", MODELS, problems, DataFiles::model);
    }

    private static <T> Map<String, T> load(Path siteDir, String folder, List<String> builtIn, List<Problem> problems,
            BiFunction<Named, List<Problem>, Optional<T>> read) {
        Map<String, T> out = new LinkedHashMap<>();
        for (String id : builtIn) {
            String name = "org/lateral/cpd/" + folder + "/" + id + ".yaml";
            try (InputStream in = DataFiles.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the jar: " + name);
                }
                YamlNode root = Yaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of(name), 1);
                List<Problem> mine = new ArrayList<>();
                read.apply(new Named(id, Path.of(name), root), mine).ifPresent(v -> out.put(id, v));
                if (!mine.isEmpty()) {
                    throw new IllegalStateException("Lateral's own " + name + " is broken: " + mine);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path dir = siteDir.resolve("data").resolve(folder);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String file = f.getFileName().toString();
                    if (!Files.isRegularFile(f) || !(file.endsWith(".yaml") || file.endsWith(".yml"))) {
                        continue;
                    }
                    Path shown = siteDir.relativize(f);
                    try {
                        YamlNode root = Yaml.parse(Files.readString(f, StandardCharsets.UTF_8), shown, 1);
                        read.apply(new Named(file.substring(0, file.lastIndexOf('.')), shown, root), problems)
                                .ifPresent(v -> out.put(file.substring(0, file.lastIndexOf('.')), v));
                    } catch (Yaml.YamlException e) {
                        problems.add(e.problem());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + dir, e);
            }
        }
        return out;
    }

    private record Named(String id, Path file, YamlNode root) {
    }

    private static Optional<Framework> framework(Named n, List<Problem> problems) {
        YamlNode root = n.root();
        Optional<String> title = text(root, "title");
        Optional<YamlNode> list = root.isMap() ? root.get("standards") : Optional.empty();
        if (title.isEmpty() || list.isEmpty() || !list.get().isList()) {
            problems.add(Problem.error(n.file(), 1, 1, "a framework needs a title: and a list of standards:",
                    "write title: \"…\", then standards: with one \"- code: S1\" and \"  title: …\" per standard"));
            return Optional.empty();
        }
        List<Framework.Standard> standards = new ArrayList<>();
        for (YamlNode item : list.get().asList()) {
            Optional<String> code = text(item, "code");
            Optional<String> t = text(item, "title");
            if (code.isEmpty() || t.isEmpty() || code.get().contains(",") || code.get().contains(" ")) {
                problems.add(Problem.error(n.file(), item.line(), item.column(),
                        "each standard needs a code (one word, no commas) and a title",
                        "write - code: S1 and, below it, title: \"…\""));
                continue;
            }
            standards.add(new Framework.Standard(code.get(), t.get()));
        }
        return Optional.of(new Framework(n.id(), title.get(), text(root, "source").orElse(""), standards));
    }

    private static Optional<ReflectionModel> model(Named n, List<Problem> problems) {
        YamlNode root = n.root();
        Optional<String> name = text(root, "name");
        Optional<YamlNode> list = root.isMap() ? root.get("stages") : Optional.empty();
        if (name.isEmpty() || list.isEmpty() || !list.get().isList() || list.get().asList().isEmpty()) {
            problems.add(Problem.error(n.file(), 1, 1, "a reflective model needs a name: and a list of stages:",
                    "write name: \"…\", then stages: with one \"- heading: What?\" and \"  prompt: …\" per stage"));
            return Optional.empty();
        }
        List<ReflectionModel.Stage> stages = new ArrayList<>();
        for (YamlNode item : list.get().asList()) {
            Optional<String> heading = text(item, "heading");
            if (heading.isEmpty()) {
                problems.add(Problem.error(n.file(), item.line(), item.column(), "each stage needs a heading",
                        "write - heading: What? and, below it, prompt: \"…\""));
                continue;
            }
            stages.add(new ReflectionModel.Stage(heading.get(), text(item, "prompt").orElse("")));
        }
        return Optional.of(new ReflectionModel(n.id(), name.get(), text(root, "source").orElse(""), stages));
    }

    private static Optional<String> text(YamlNode node, String key) {
        return node.isMap() ? node.get(key).filter(YamlNode::isScalar).flatMap(YamlNode::text).map(String::strip)
                .filter(s -> !s.isEmpty()) : Optional.empty();
    }
}
