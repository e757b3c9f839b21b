package org.lateral.serve;

import java.util.Collection;
import java.util.Map;

/** The few JSON values the live channel sends: strings, numbers, booleans, lists and maps of strings. */
final class Json {

    private Json() {
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String list(Collection<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (String s : items) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(string(s));
        }
        return b.append(']').toString();
    }

    static String map(Map<String, String> items) {
        StringBuilder b = new StringBuilder("{");
        items.forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(string(k)).append(':').append(string(v));
        });
        return b.append('}').toString();
    }
}
