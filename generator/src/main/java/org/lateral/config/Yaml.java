package org.lateral.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lateral.Problem;

/**
 * Reads YAML (site.yaml, front matter, data files) into {@link YamlNode}s that remember where
 * each value was written. Uses Jackson's YAML format; one instance is shared and thread-safe.
 *
 * <p>Positions are shifted by {@code firstLine - 1}, so the YAML inside a Markdown file's front
 * matter reports the line in the Markdown file, not in the extracted block.
 */
public final class Yaml {

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Yaml() {
    }

    /**
     * Parses {@code text}; a syntax error becomes a {@link Problem} on {@code file} at the right line.
     *
     * @param firstLine the line of the file on which {@code text} starts (1 for a whole file)
     * @throws YamlException carrying the problem when the YAML cannot be read
     */
    public static YamlNode parse(String text, Path file, int firstLine) {
        int shift = firstLine - 1;
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode(new LinkedHashMap<String, YamlNode>(), firstLine, 1, Map.of());
            }
            return read(parser, shift);
        } catch (AliasFound a) {
            throw new YamlException(Problem.error(file, a.line, a.col,
                    "*" + a.name + " is a YAML alias, and aliases are not supported",
                    "write the value itself here instead of *" + a.name + " (and remove the &" + a.name
                            + " anchor it points to)"));
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? firstLine : loc.getLineNr() + shift;
            int col = loc == null ? 0 : loc.getColumnNr();
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    && marked.getProblemMark() != null) {
                // SnakeYAML's problem mark is where the mistake is; Jackson's location is where
                // the token before it ended (often the line above)
                line = marked.getProblemMark().getLine() + 1 + shift;
                col = marked.getProblemMark().getColumn() + 1;
            }
            String[] explained = explain(e.getOriginalMessage());
            throw new YamlException(Problem.error(file, line, col, "this YAML cannot be read: " + explained[0],
                    explained[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode read(JsonParser p, int shift) throws IOException {
        JsonToken t = p.currentToken();
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr() + shift;
        int col = loc.getColumnNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            // Jackson would give the alias's name as the value ("*t" reads as "t"); an alias can
            // also repeat a large value many times over (a "billion laughs" file)
            throw new AliasFound(line, col, p.getText());
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                Map<String, int[]> keys = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    keys.put(key, new int[] {kl.getLineNr() + shift, kl.getColumnNr()});
                    p.nextToken();
                    map.put(key, read(p, shift));
                }
                return new YamlNode(java.util.Collections.unmodifiableMap(map), line, col,
                        java.util.Collections.unmodifiableMap(keys));
            }
            case START_ARRAY: {
                List<YamlNode> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p, shift));
                }
                return new YamlNode(java.util.Collections.unmodifiableList(list), line, col, Map.of());
            }
            case VALUE_NUMBER_INT:
                return YamlNode.scalar(p.getLongValue(), line, col);
            case VALUE_NUMBER_FLOAT:
                return YamlNode.scalar(p.getDoubleValue(), line, col);
            case VALUE_TRUE:
                return YamlNode.scalar(Boolean.TRUE, line, col);
            case VALUE_FALSE:
                return YamlNode.scalar(Boolean.FALSE, line, col);
            case VALUE_NULL:
                return YamlNode.scalar(YamlNode.NULL, line, col);
            default:
                return YamlNode.scalar(p.getText(), line, col);
        }
    }

    /** Turns SnakeYAML's parser jargon into words a teacher can act on. */
    static String plainYamlMessage(String original) {
        return explain(original)[0];
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("(?i)duplicate (?:field|key) '([^']*)'");

    /** What a parser error means and how to fix that kind of mistake: {message, fix}. */
    static String[] explain(String original) {
        if (original == null) {
            return new String[] {"unknown YAML error", "check the punctuation on this line"};
        }
        String first = original.strip().lines().findFirst().orElse(original).strip();
        String lower = original.toLowerCase(Locale.ROOT);
        if ((lower.contains("mapping values are not allowed") || lower.contains("could not find expected"))
                && (original.indexOf('\u201C') >= 0 || original.indexOf('\u201D') >= 0)) {
            return new String[] {"curly \u201Csmart\u201D quotes, which YAML does not read as quotes (a word processor may"
                    + " have changed them)", "type straight \"double quotes\" round the value instead of the curly ones"};
        }
        if (lower.contains("mapping values are not allowed")) {
            return new String[] {"a colon followed by a space inside a value",
                "put the whole value in \"double quotes\", e.g. title: \"TeachMeet: what I took away\""};
        }
        if (lower.contains("could not find expected ':'")) {
            return new String[] {"a line that is neither \"key: value\" nor a list item (is a colon missing?)",
                "write each setting as key: value on a line of its own, with a space after the colon"};
        }
        if (lower.contains("\\t(tab)") || lower.contains("found character '\\t'")) {
            return new String[] {"a tab character; YAML indentation must use spaces",
                "replace the tab at the start of the line with spaces"};
        }
        java.util.regex.Matcher dup = DUPLICATE.matcher(original);
        if (dup.find() || lower.contains("duplicate field") || lower.contains("duplicate key")) {
            String key = dup.find(0) ? dup.group(1) : "";
            return new String[] {key.isEmpty() ? "the same key is written twice" : "the key \"" + key + "\" is written twice",
                "delete one of the two " + (key.isEmpty() ? "lines" : "\"" + key + ":\" lines") + ", or join them into one"};
        }
        if (lower.contains("scanning a quoted scalar")) {
            return new String[] {"a quote that is opened but never closed",
                "end the value with the same straight quote it starts with, on the same line"};
        }
        if (lower.contains("found unexpected end of stream") || lower.contains("unexpected end")
                || lower.contains("flow sequence") || lower.contains("flow mapping")) {
            return new String[] {"a bracket [ or { that is opened but never closed",
                "close it on the same line, e.g. tags: [oracy, questioning]"};
        }
        if (lower.contains("did not find expected key") || lower.contains("expected <block end>")) {
            return new String[] {"the indentation does not line up with the lines above",
                "settings start at the beginning of the line; the \"- \" items of a list, and the settings under"
                        + " a key, each start at the same place as the one above"};
        }
        if (lower.contains("found undefined alias") || lower.contains("found character '@'")
                || lower.contains("found character '`'")) {
            return new String[] {first, "a value starting with *, @ or ` needs \"double quotes\" round it"};
        }
        return new String[] {first, "check the punctuation on this line; a value containing a colon and a space,"
                + " or starting with a quote, [ or #, needs \"double quotes\" round it"};
    }

    /** An alias ({@code *name}) met while reading, at its position. */
    private static final class AliasFound extends RuntimeException {
        private final int line;
        private final int col;
        private final String name;

        AliasFound(int line, int col, String name) {
            super(name, null, false, false);
            this.line = line;
            this.col = col;
            this.name = name;
        }
    }

    /** Thrown by {@link #parse} for a syntax error; carries the positioned problem. */
    public static final class YamlException extends RuntimeException {
        private final transient Problem problem;

        YamlException(Problem problem) {
            super(problem.format());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
