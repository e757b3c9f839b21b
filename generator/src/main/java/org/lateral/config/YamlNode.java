package org.lateral.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value of a YAML document with the line and column it was written at, so that every
 * problem found later (a date that cannot be read, a typo in a key) can point at it.
 *
 * <p>{@code value} is a {@code String}, {@code Long}, {@code Double}, {@code Boolean}, a
 * {@code Map<String, YamlNode>} (insertion-ordered), a {@code List<YamlNode>}, or {@link #NULL}
 * for an empty value. Keys keep their own position in {@link #keyPositions()}.
 */
public record YamlNode(Object value, int line, int column, Map<String, int[]> keyPositions) {

    /** Marker for a YAML null / empty value. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    public YamlNode {
        Objects.requireNonNull(value, "value");
        keyPositions = keyPositions == null ? Map.of() : keyPositions;
    }

    public static YamlNode scalar(Object value, int line, int column) {
        return new YamlNode(value, line, column, Map.of());
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isNull() {
        return value == NULL;
    }

    public boolean isScalar() {
        return !isMap() && !isList() && !isNull();
    }

    @SuppressWarnings("unchecked")
    public Map<String, YamlNode> asMap() {
        return isMap() ? (Map<String, YamlNode>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<YamlNode> asList() {
        return isList() ? (List<YamlNode>) value : List.of();
    }

    /** The scalar as text ({@code 3} becomes {@code "3"}); empty for maps, lists and null. */
    public Optional<String> text() {
        return isScalar() ? Optional.of(value.toString()) : Optional.empty();
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(asMap().get(key));
    }

    /** Line of a key of this map, or of the map itself when the key is unknown. */
    public int keyLine(String key) {
        int[] pos = keyPositions.get(key);
        return pos == null ? line : pos[0];
    }

    public int keyColumn(String key) {
        int[] pos = keyPositions.get(key);
        return pos == null ? column : pos[1];
    }

    /**
     * A list of strings from either a YAML list or a single scalar ({@code tags: maths} and
     * {@code tags: [maths]} mean the same); empty for null.
     */
    public List<String> textList() {
        if (isNull()) {
            return List.of();
        }
        if (isScalar()) {
            String s = value.toString().trim();
            return s.isEmpty() ? List.of() : List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (YamlNode n : asList()) {
            n.text().map(String::trim).filter(s -> !s.isEmpty()).ifPresent(out::add);
        }
        return out;
    }

    /** Plain Java value (String, Long, Double, Boolean, Map, List, or null) for templates and data files. */
    public Object toPlain() {
        if (isNull()) {
            return null;
        }
        if (isMap()) {
            Map<String, Object> out = new LinkedHashMap<>();
            asMap().forEach((k, v) -> {
                Object plain = v.toPlain();
                if (plain != null) {
                    out.put(k, plain);
                }
            });
            return java.util.Collections.unmodifiableMap(out);
        }
        if (isList()) {
            List<Object> out = new ArrayList<>();
            for (YamlNode n : asList()) {
                Object plain = n.toPlain();
                if (plain != null) {
                    out.add(plain);
                }
            }
            return java.util.Collections.unmodifiableList(out);
        }
        return value;
    }
}
