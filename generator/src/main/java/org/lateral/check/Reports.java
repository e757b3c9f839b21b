package org.lateral.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.lateral.CheckResult;
import org.lateral.Problem;

/**
 * A check's report as text (one {@code file:line:col: error: … — fix: …} line per finding, then a
 * summary), JSON (for scripts) or JUnit XML (GitLab and GitHub show each error as a failed test,
 * at its file and line).
 */
public final class Reports {

    private Reports() {
    }

    public static String summary(CheckResult r) {
        long errors = r.errors();
        long warnings = r.warnings();
        return "Checked " + r.pages() + (r.pages() == 1 ? " page" : " pages") + " and " + r.links()
                + (r.links() == 1 ? " link" : " links")
                + (r.externalLinks() > 0 ? " (" + r.externalLinks() + " outside addresses)" : "") + ": "
                + (errors == 0 && warnings == 0 ? "nothing to fix."
                : errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning." : " warnings."));
    }

    public static String text(CheckResult r) {
        StringBuilder out = new StringBuilder();
        for (Problem p : r.findings()) {
            out.append(p.format()).append('\n');
        }
        return out.append(summary(r)).append('\n').toString();
    }

    public static String json(CheckResult r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("pages", r.pages());
            g.writeNumberField("links", r.links());
            g.writeNumberField("externalLinks", r.externalLinks());
            g.writeNumberField("errors", r.errors());
            g.writeNumberField("warnings", r.warnings());
            g.writeArrayFieldStart("findings");
            for (Problem p : r.findings()) {
                g.writeStartObject();
                g.writeStringField("file", p.file() == null ? null : slash(p));
                g.writeNumberField("line", p.line());
                g.writeNumberField("column", p.column());
                g.writeStringField("severity", p.isError() ? "error" : "warning");
                g.writeStringField("message", p.message());
                g.writeStringField("fix", p.hint());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /**
     * JUnit XML: one test case per finding (an error is a failure, a warning passes with its text as
     * output), named by its file and line, and one case for the whole site.
     */
    public static String junit(CheckResult r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "lateral check");
            x.writeAttribute("tests", String.valueOf(r.findings().size() + 1));
            x.writeAttribute("failures", String.valueOf(r.errors() + (r.hasErrors() ? 1 : 0)));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            for (Problem p : r.findings()) {
                String file = p.file() == null ? "site" : slash(p);
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", file);
                x.writeAttribute("name", (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message());
                x.writeAttribute("file", file);
                if (p.line() > 0) {
                    x.writeAttribute("line", String.valueOf(p.line()));
                }
                if (p.isError()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", p.message());
                    x.writeAttribute("type", "error");
                    x.writeCharacters(p.format());
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(p.format());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", "site");
            x.writeAttribute("name", "every page and link");
            if (r.hasErrors()) {
                x.writeStartElement("failure");
                x.writeAttribute("message", summary(r));
                x.writeAttribute("type", "error");
                x.writeCharacters(summary(r));
                x.writeEndElement();
            } else {
                x.writeStartElement("system-out");
                x.writeCharacters(summary(r));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return out.append('\n').toString();
    }

    private static String slash(Problem p) {
        return p.file().toString().replace('\\', '/');
    }
}
