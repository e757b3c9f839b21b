package org.lateral.cpd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A year of the record as a spreadsheet (CSV, one row per activity) or as JSON, in plain fields a
 * teacher can paste or upload into MyPL, the Professional Learning Passport or a school's CPD
 * system; and as text for the terminal.
 */
public final class CpdExport {

    public static final List<String> COLUMNS = List.of("Date", "Activity", "Type", "Hours", "Standards", "Impact",
            "Evidence", "Link");
    private static final JsonFactory JSON = new JsonFactory();

    private CpdExport() {
    }

    /** RFC 4180 CSV with a header row, UTF-8 with a byte-order mark so spreadsheets read accents right. */
    public static byte[] csv(CpdYear year) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", COLUMNS)).append("\r\n");
        for (CpdEntry e : oldestFirst(year)) {
            List<String> cells = List.of(e.date().toString(), e.title(), e.typeName(), e.hoursText(),
                    e.standards().stream().map(Framework.Standard::code).collect(Collectors.joining("; ")),
                    e.impact().orElse(""),
                    e.evidence().stream().map(v -> v.title() + v.url().map(u -> " (" + u + ")").orElse(""))
                            .collect(Collectors.joining("; ")),
                    e.permalink().orElse(""));
            b.append(cells.stream().map(CpdExport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The year as JSON: its totals and every activity. */
    public static byte[] json(CpdYear year, CpdLog log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("academicYear", year.label());
            g.writeStringField("start", year.start().toString());
            g.writeStringField("end", year.start().plusYears(1).minusDays(1).toString());
            if (log.framework().isPresent()) {
                g.writeObjectFieldStart("framework");
                g.writeStringField("id", log.framework().get().id());
                g.writeStringField("title", log.framework().get().title());
                g.writeEndObject();
            }
            g.writeFieldName("totalHours");
            g.writeNumber(year.hours());
            if (year.hoursGoal().isPresent()) {
                g.writeFieldName("hoursGoal");
                g.writeNumber(Hours.exact(year.hoursGoal().get()));
            }
            totals(g, "hoursByType", year.byType());
            totals(g, "hoursByStandard", year.byStandard());
            g.writeArrayFieldStart("activities");
            for (CpdEntry e : oldestFirst(year)) {
                g.writeStartObject();
                g.writeStringField("date", e.date().toString());
                g.writeStringField("title", e.title());
                g.writeStringField("type", e.type());
                g.writeFieldName("hours");
                g.writeNumber(Hours.exact(e.hours()));
                g.writeArrayFieldStart("standards");
                for (Framework.Standard s : e.standards()) {
                    g.writeStartObject();
                    g.writeStringField("code", s.code());
                    g.writeStringField("title", s.title());
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (e.impact().isPresent()) {
                    g.writeStringField("impact", e.impact().get());
                }
                g.writeArrayFieldStart("evidence");
                for (CpdRecord.Evidence v : e.evidence()) {
                    g.writeStartObject();
                    g.writeStringField("title", v.title());
                    if (v.url().isPresent()) {
                        g.writeStringField("url", v.url().get());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (e.permalink().isPresent()) {
                    g.writeStringField("url", e.permalink().get());
                }
                if (e.isPrivate()) {
                    g.writeBooleanField("private", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The year's summary for the terminal. */
    public static String text(CpdYear year, CpdLog log) {
        StringBuilder b = new StringBuilder();
        b.append("Professional learning ").append(year.label()).append(": ").append(year.hoursText()).append(" hours, ")
                .append(year.entries().size()).append(year.entries().size() == 1 ? " activity" : " activities");
        year.hoursGoal().ifPresent(g -> b.append(" (goal ").append(Hours.text(g)).append(" hours: ")
                .append(year.percentOfGoal()).append(" %)"));
        b.append('\n');
        for (CpdTerm t : year.terms()) {
            b.append('\n').append(Character.toUpperCase(t.key().charAt(0))).append(t.key().substring(1))
                    .append(" term: ").append(t.hoursText()).append(" hours\n");
            for (CpdEntry e : t.entries()) {
                b.append("  ").append(e.date()).append("  ").append(pad(e.hoursText() + " h", 7)).append(pad(e.typeName(), 16))
                        .append(e.title()).append(e.isPrivate() ? "  (private)" : "");
                if (!e.standards().isEmpty()) {
                    b.append("  [").append(e.standards().stream().map(Framework.Standard::code)
                            .collect(Collectors.joining(", "))).append(']');
                }
                b.append('\n');
            }
        }
        if (!year.byType().isEmpty()) {
            b.append("\nBy type:\n");
            year.byType().forEach(t -> b.append("  ").append(pad(t.label(), 16)).append(t.hoursText()).append(" h\n"));
        }
        if (!year.byStandard().isEmpty()) {
            b.append("\nBy standard (").append(log.framework().map(Framework::title).orElse("")).append("):\n");
            year.byStandard().forEach(t -> b.append("  ").append(pad(t.label(), 16)).append(t.hoursText()).append(" h  ")
                    .append(t.title()).append('\n'));
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static List<CpdEntry> oldestFirst(CpdYear year) {
        List<CpdEntry> list = new java.util.ArrayList<>(year.entries());
        java.util.Collections.reverse(list);
        return list;
    }

    private static void totals(JsonGenerator g, String name, List<Total> totals) throws IOException {
        g.writeObjectFieldStart(name);
        for (Total t : totals) {
            g.writeFieldName(t.key());
            g.writeNumber(t.hours());
        }
        g.writeEndObject();
    }

    /** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
