package org.lateral.content;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.config.Languages;
import org.lateral.config.Yaml;
import org.lateral.config.YamlLines;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/**
 * Splits a Markdown file into front matter and body and reads the front matter, collecting a
 * positioned {@link Problem} for everything wrong with it. Stateless and thread-safe.
 */
public final class FrontMatterParser {

    /** Keys whose values are text, where {@code #TMNorth} is a hashtag, not a YAML comment. */
    static final Set<String> TEXT_KEYS = Set.of("title", "summary", "description", "series", "tags", "categories");
    static final Set<String> LIST_KEYS = Set.of("tags", "categories");

    static final Set<String> KNOWN_KEYS = Set.of("title", "date", "updated", "authors", "author", "tags",
            "categories", "series", "part", "stage", "summary", "description", "image", "draft", "publishDate",
            "expiryDate", "slug", "url", "toc", "layout", "cpd", "reflection", "review");

    /**
     * Keys kept in params that Lateral reads itself: {@code aliases} (old addresses, checked by
     * {@link Aliases}), {@code id} and {@code guid} (a pinned feed id), {@code pinned} (kept at the
     * top of the home page).
     */
    static final Set<String> PARAM_KEYS = Set.of("aliases", "id", "guid", "pinned", "lang", "translationKey");

    private static final java.util.regex.Pattern HASHTAG_BREAK = java.util.regex.Pattern.compile("\\s+(?=#[\\p{L}\\p{N}])");

    private final ZoneId zone;

    public FrontMatterParser(ZoneId zone) {
        this.zone = zone;
    }

    /** The result of splitting and reading one file. */
    public record Parsed(FrontMatter frontMatter, String body, int bodyLine, List<Problem> problems) {
    }

    public Parsed parse(String text, Path file) {
        return parse(text, file, Source.POSTS);
    }

    /** The keys a file of this section may have: an event's own, and {@code event:} on posts. */
    static Set<String> knownKeys(String section) {
        if (Source.EVENTS.equals(section)) {
            Set<String> out = new java.util.HashSet<>(KNOWN_KEYS);
            out.addAll(EventFieldsParser.KEYS);
            return out;
        }
        if (Source.POSTS.equals(section)) {
            Set<String> out = new java.util.HashSet<>(KNOWN_KEYS);
            out.add("event");
            out.addAll(org.lateral.community.SwapParser.KEYS);
            return out;
        }
        return KNOWN_KEYS;
    }

    /** Splits and reads a file of {@code section} ({@link Source#POSTS}, {@link Source#PAGES}, {@link Source#EVENTS}). */
    public Parsed parse(String text, Path file, String section) {
        List<Problem> problems = new ArrayList<>();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String yaml = "";
        String body = text;
        int bodyLine = 1;
        if (text.startsWith("---")) {
            int firstEol = text.indexOf('\n');
            String firstLine = firstEol < 0 ? text : text.substring(0, firstEol);
            if (firstLine.strip().equals("---")) {
                int pos = firstEol + 1;
                int line = 2;
                int close = -1;
                int closeLine = -1;
                while (pos <= text.length() && firstEol >= 0) {
                    int eol = text.indexOf('\n', pos);
                    String l = eol < 0 ? text.substring(pos) : text.substring(pos, eol);
                    String stripped = l.strip();
                    if (stripped.equals("---") || stripped.equals("...")) {
                        close = pos;
                        closeLine = line;
                        body = eol < 0 ? "" : text.substring(eol + 1);
                        break;
                    }
                    if (eol < 0) {
                        break;
                    }
                    pos = eol + 1;
                    line++;
                }
                if (close < 0) {
                    problems.add(Problem.error(file, 1, 1,
                            "the front matter that starts on line 1 is never closed",
                            "add a line with just --- after the last setting (title, date, tags…)"));
                    return new Parsed(empty(), "", 1, problems);
                }
                yaml = text.substring(firstEol + 1, close);
                bodyLine = closeLine + 1;
            }
        }
        int firstLine = 2;
        if (yaml.isEmpty() && bodyLine == 1) {
            Optional<int[]> unopened = unopened(text);
            if (unopened.isPresent()) {
                int close = unopened.get()[1];
                boolean dashes = unopened.get()[0] == 1;
                problems.add(Problem.error(file, 1, 1, dashes
                                ? "the first line must be exactly three dashes, ---, to start the front matter"
                                : "the front matter has no opening --- line, so its settings would be read as the post's text",
                        dashes ? "make line 1 just --- (three hyphens, nothing else)"
                                : "add a line with just --- above line 1, to match the one on line " + close));
                String[] all = text.split("\n", -1);
                int from = dashes ? 1 : 0;
                yaml = String.join("\n", java.util.Arrays.asList(all).subList(from, close - 1)) + "\n";
                firstLine = from + 1;
                body = String.join("\n", java.util.Arrays.asList(all).subList(close, all.length));
                bodyLine = close + 1;
            }
        }
        YamlLines.Checked checked = YamlLines.check(yaml, firstLine, file, TEXT_KEYS, LIST_KEYS);
        problems.addAll(checked.problems());
        YamlNode root;
        try {
            root = Yaml.parse(checked.yaml(), file, firstLine);
        } catch (Yaml.YamlException e) {
            problems.add(e.problem());
            return new Parsed(empty(), body, bodyLine, problems);
        }
        if (!root.isMap()) {
            problems.add(Problem.error(file, 2, 1, "the front matter must be settings such as \"title: …\"",
                    "write one setting per line between the --- lines, e.g. title: My reflection"));
            return new Parsed(empty(), body, bodyLine, problems);
        }
        return new Parsed(read(root, file, problems, section), body, bodyLine, problems);
    }

    /**
     * A file whose front matter lost its opening line: the first line is a known key (or a line of
     * dashes that is not exactly {@code ---}) and a {@code ---} line follows. Returns {1 if the
     * first line is dashes else 0, line of the closing ---}.
     */
    private static Optional<int[]> unopened(String text) {
        String[] lines = text.split("\n", 60);
        if (lines.length < 2) {
            return Optional.empty();
        }
        String first = lines[0].strip();
        boolean dashes = first.matches("[-\u2013\u2014 ]{2,}") && !first.equals("---");
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("([A-Za-z]+)\\s*:(\\s.*)?").matcher(first);
        if (dashes) {
            key = java.util.regex.Pattern.compile("([A-Za-z]+)\\s*:(\\s.*)?").matcher(lines[1].strip());
        }
        if (!(key.matches() && KNOWN_KEYS.contains(key.group(1)))) {
            return Optional.empty();
        }
        for (int i = 1; i < lines.length && i < 59; i++) {
            String l = lines[i].strip();
            if (l.equals("---")) {
                return Optional.of(new int[] {dashes ? 1 : 0, i + 1});
            }
            if (l.isEmpty() && !dashes) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private FrontMatter read(YamlNode root, Path file, List<Problem> problems, String section) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Set<String> known = knownKeys(section);
        for (String key : root.asMap().keySet()) {
            lines.put(key, root.keyLine(key));
            if (key.equals("event") && Source.POSTS.equals(section) && !root.asMap().get(key).isScalar()) {
                // not a write-up's event file name: settings of the site's own templates, kept as before
                Object plain = root.asMap().get(key).toPlain();
                if (plain != null) {
                    params.put(key, plain);
                }
                continue;
            }
            if (known.contains(key)) {
                continue;
            }
            Optional<String> typo = PARAM_KEYS.contains(key) ? Optional.empty() : Suggestions.closest(key, known);
            if (typo.isPresent()) {
                problems.add(Problem.error(file, root.keyLine(key), root.keyColumn(key),
                        "unknown front matter key \"" + key + "\"; did you mean `" + typo.get() + "`?",
                        "rename \"" + key + "\" to \"" + typo.get() + "\""));
            } else {
                Object plain = root.asMap().get(key).toPlain();
                if (plain != null) {
                    params.put(key, plain);
                }
            }
        }
        root.get("aliases").ifPresent(n -> {
            List<String> aliases = Aliases.read(n, file, problems);
            if (aliases.isEmpty()) {
                params.remove("aliases");
            } else {
                params.put("aliases", aliases);
            }
        });
        // in_reply_to: the address of the post this one answers; the site's Atom feed says so (RFC 4685)
        root.get("in_reply_to").ifPresent(n -> {
            List<String> to = new ArrayList<>();
            for (YamlNode item : n.isList() ? n.asList() : List.of(n)) {
                String raw = item.isScalar() ? item.text().orElse("").strip() : "";
                if (org.lateral.safety.UrlPolicy.parseWeb(raw).filter(u -> u.getHost() != null).isPresent()) {
                    to.add(raw);
                } else {
                    problems.add(Problem.warning(file, item.line(), item.column(), "in_reply_to must be the whole"
                            + " address of the post this one answers, not \"" + raw + "\"; it is left out of the feed",
                            "write e.g. in_reply_to: https://ann.school.example/posts/oracy-twilight/"));
                }
            }
            if (to.isEmpty()) {
                params.remove("in_reply_to");
            } else {
                params.put("in_reply_to", List.copyOf(to));
            }
        });
        root.get("lang").filter(YamlNode::isScalar).ifPresent(n -> Languages.check(n.text().orElse(""), "lang", file,
                n.line(), n.column()).ifPresent(problems::add));
        Optional<String> title = scalar(root, "title", file, problems).map(String::strip)
                .map(FrontMatterParser::withoutCurlyQuotesRound).filter(s -> !s.isEmpty());
        List<String> authors = new ArrayList<>(list(root, "authors", file, problems, false));
        authors.addAll(list(root, "author", file, problems, false));
        Optional<Integer> part = Optional.empty();
        Optional<YamlNode> partNode = root.get("part");
        if (partNode.isPresent() && !partNode.get().isNull()) {
            if (partNode.get().value() instanceof Long l && l > 0 && l < 10_000) {
                part = Optional.of(l.intValue());
            } else {
                problems.add(Problem.error(file, partNode.get().line(), partNode.get().column(),
                        "part must be a whole number (1 for the first part of a series), not \""
                                + partNode.get().value() + "\"", "write e.g. part: 2"));
            }
        }
        List<String> tags = list(root, "tags", file, problems, true);
        return new FrontMatter(
                title,
                date(root, "date", file, problems),
                date(root, "updated", file, problems),
                authors,
                tags,
                list(root, "categories", file, problems, true),
                scalar(root, "series", file, problems).map(String::strip).filter(s -> !s.isEmpty()),
                part,
                scalar(root, "stage", file, problems).map(String::strip).filter(s -> !s.isEmpty()),
                scalar(root, "summary", file, problems).or(() -> scalar(root, "description", file, problems)),
                scalar(root, "image", file, problems),
                bool(root, "draft", file, problems),
                date(root, "publishDate", file, problems),
                date(root, "expiryDate", file, problems),
                scalar(root, "slug", file, problems).map(String::strip).filter(s -> !s.isEmpty()),
                scalar(root, "url", file, problems).map(String::strip).filter(s -> !s.isEmpty()),
                bool(root, "toc", file, problems),
                scalar(root, "layout", file, problems),
                params,
                lines,
                root.get("cpd").flatMap(n -> org.lateral.cpd.CpdFrontMatter.read(n, file, problems)),
                scalar(root, "reflection", file, problems).map(String::strip).filter(s -> !s.isEmpty()),
                date(root, "review", file, problems),
                Source.EVENTS.equals(section) ? EventFieldsParser.read(root, file, zone, problems) : Optional.empty(),
                Source.POSTS.equals(section) && root.get("event").filter(YamlNode::isScalar).isPresent()
                        ? scalar(root, "event", file, problems).map(String::strip).filter(e -> !e.isEmpty())
                        : Optional.empty(),
                Source.POSTS.equals(section) ? org.lateral.community.SwapParser.read(root, tags, file, problems)
                        : Optional.empty());
    }

    /**
     * {@code title: “Smart quotes”} (a word processor's curly quotes) meant quotes round the value,
     * not quotes in the title.
     */
    static String withoutCurlyQuotesRound(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\u201C' && s.charAt(s.length() - 1) == '\u201D'
                || s.charAt(0) == '\u2018' && s.charAt(s.length() - 1) == '\u2019')) {
            return s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static FrontMatter empty() {
        return new FrontMatter(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false, Optional.empty(), Map.of(), Map.of());
    }

    /**
     * A list of words: {@code [a, b]}, one item per line, or a single value. With
     * {@code commas}, {@code tags: oracy, questioning} means two tags, as a teacher means it.
     */
    private static List<String> list(YamlNode root, String key, Path file, List<Problem> problems,
            boolean commas) {
        Optional<YamlNode> n = root.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return List.of();
        }
        YamlNode node = n.get();
        boolean wrongShape = node.isMap() || (node.isList() && node.asList().stream().anyMatch(i -> !i.isScalar()));
        if (wrongShape) {
            problems.add(Problem.error(file, node.line(), node.column(),
                    key + " must be a list of words, not " + (node.isMap() ? "settings with colons" : "nested lists"),
                    "write it as " + key + ": [oracy, questioning] or one \"- word\" per line"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String item : node.textList()) {
            List<String> parts = commas && node.isScalar() ? List.of(item.split(",")) : List.of(item);
            for (String part : parts) {
                // tags: #oracy #TMNorth is two tags, oracy and TMNorth
                for (String word : commas ? HASHTAG_BREAK.split(part.strip()) : new String[] {part}) {
                    String tag = commas ? word.replaceFirst("^#+", "").strip() : word.strip();
                    if (!tag.isEmpty()) {
                        out.add(tag);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<String> scalar(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = root.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        if (!n.get().isScalar()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(),
                    key + " must be a single piece of text, not a list",
                    "write it on one line, e.g. " + key + ": …"));
            return Optional.empty();
        }
        return n.get().text();
    }

    private static boolean bool(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = root.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return false;
        }
        if (n.get().value() instanceof Boolean b) {
            return b;
        }
        problems.add(Problem.error(file, n.get().line(), n.get().column(),
                key + " must be true or false, not \"" + n.get().value() + "\"",
                "write " + key + ": true or " + key + ": false"));
        return false;
    }

    private Optional<ZonedDateTime> date(YamlNode root, String key, Path file, List<Problem> problems) {
        Optional<YamlNode> n = root.get(key);
        if (n.isEmpty() || n.get().isNull()) {
            return Optional.empty();
        }
        String text = n.get().text().orElse("");
        Optional<ZonedDateTime> d = Dates.parse(text, zone);
        if (d.isEmpty()) {
            problems.add(Problem.error(file, n.get().line(), n.get().column(), Dates.explain(text),
                    "write dates as year-month-day, e.g. " + key + ": 2024-03-05 (or 2024-03-05 14:30 with a time)"));
        }
        return d;
    }
}
