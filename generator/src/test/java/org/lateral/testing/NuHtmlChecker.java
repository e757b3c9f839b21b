package org.lateral.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/**
 * The W3C Nu HTML Checker, run in-process ({@code nu.validator:validator}). Errors only; the
 * checker's informational notes are ignored.
 */
public final class NuHtmlChecker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NuHtmlChecker() {
    }

    /** The checker's errors for one file, as {@code file:line: message} lines; empty when valid. */
    public static List<String> errors(Path file) {
        try {
            EmbeddedValidator v = new EmbeddedValidator();
            v.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            v.setNoLangDetect(true);
            String out = v.validate(file);
            List<String> errors = new ArrayList<>();
            for (JsonNode m : JSON.readTree(out).path("messages")) {
                String type = m.path("type").asText();
                if (type.equals("error") || type.equals("non-document-error")
                        || m.path("subType").asText().equals("fatal")) {
                    errors.add(file.getFileName() + ":" + m.path("lastLine").asInt() + ": " + m.path("message").asText()
                            + " [" + m.path("extract").asText().strip() + "]");
                }
            }
            return errors;
        } catch (Exception e) {
            throw new IllegalStateException("the Nu HTML Checker failed on " + file, e);
        }
    }

    /** Every error in every HTML file of an output folder. */
    public static List<String> errorsInSite(Path output) {
        List<String> all = new ArrayList<>();
        for (String rel : Html.htmlFiles(output)) {
            for (String e : errors(output.resolve(rel))) {
                all.add(rel + " → " + e);
            }
        }
        return all;
    }
}
