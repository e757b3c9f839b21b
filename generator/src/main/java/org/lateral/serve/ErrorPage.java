package org.lateral.serve;

import java.util.List;

/** The page served when the site has never built: its problems, one line each, as the command line prints them. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String html(List<String> lines) {
        StringBuilder items = new StringBuilder();
        for (String line : lines) {
            items.append("<li>").append(escape(line)).append("</li>");
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>The site could not be built</title><style>body{font:1rem/1.5 system-ui,sans-serif;"
                + "max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}li{font-family:ui-monospace,monospace;"
                + "white-space:pre-wrap;margin:.5rem 0;padding:.5rem;background:#fdecea;border-left:4px solid #b3261e}"
                + "</style></head><body><main><h1>The site could not be built</h1><p>Fix what these lines say and save;"
                + " this page shows the site as soon as it builds.</p><ul id=\"lateral-problems\">" + items
                + "</ul></main></body></html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
