package org.lateral.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the browser: GET and HEAD only, the request's path decoded and normalised, nothing
 * outside the served folder (symbolic links that lead out included). The site is under its
 * {@code baseUrl}'s path; {@code /} is redirected there. HTML gets the live script before its
 * {@code </body>} as it is served (the built files never hold it). A file that is missing while a
 * build is writing is looked for again once the build is done, so a page is never "not found"
 * for a moment.
 */
final class SiteHandler implements HttpHandler {

    /** What is being served: the last good build (or the problems, when there never was one). */
    record Served(Path root, String prefix, long build, String errorPage) {
    }

    /** The live channel's part of the preview: events, and the script. */
    interface Live {
        void events(HttpExchange exchange, long since) throws IOException;

        /** Waits for a build that is writing, if one is. */
        void awaitBuild();
    }

    static final String CHANNEL = "_lateral/";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("atom", "application/atom+xml"),
            Map.entry("rss", "application/rss+xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/plain; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("pdf", "application/pdf"), Map.entry("ics", "text/calendar; charset=utf-8"),
            Map.entry("opml", "text/x-opml"), Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"));

    private final Supplier<Served> served;
    private final Live live;
    private final byte[] script;

    SiteHandler(Supplier<Served> served, Live live) {
        this.served = served;
        this.live = live;
        try (InputStream in = SiteHandler.class.getResourceAsStream("live.js")) {
            this.script = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the live script is missing from Lateral's jar", e);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            answer(ex);
        } catch (IOException e) {
            // the browser went away
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain; charset=utf-8", ("Lateral failed: " + e).getBytes(StandardCharsets.UTF_8));
        } finally {
            if (!ex.getResponseHeaders().containsKey("Content-Type")
                    || !ex.getResponseHeaders().getFirst("Content-Type").startsWith("text/event-stream")) {
                ex.close();
            }
        }
    }

    private void answer(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            send(ex, 405, "text/plain; charset=utf-8",
                    "The preview only shows the site (GET and HEAD).".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Served s = served.get();
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        if (path == null || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            send(ex, 400, "text/plain; charset=utf-8", "Not a path.".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String prefix = s.prefix();
        if (!path.startsWith(prefix)) {
            if (path.equals("/") || (path + "/").equals(prefix)) {
                redirect(ex, prefix);
            } else {
                String page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not in this site</title>"
                        + "<p>This preview shows the site at <a href=\"" + prefix + "\">" + prefix + "</a>.</p></html>";
                send(ex, 404, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        String rel = path.substring(prefix.length());
        if (rel.startsWith(CHANNEL)) {
            channel(ex, rel.substring(CHANNEL.length()), s);
            return;
        }
        if (s.errorPage() != null && (rel.isEmpty() || rel.endsWith("/") || rel.endsWith(".html"))) {
            sendHtml(ex, 500, s.errorPage().getBytes(StandardCharsets.UTF_8), s);
            return;
        }
        if (!s.root().resolve(rel).normalize().startsWith(s.root())) {
            notFound(ex, s);
            return;
        }
        if (!rel.isEmpty() && !rel.endsWith("/") && Files.isDirectory(s.root().resolve(rel))) {
            redirect(ex, path + "/" + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            return;
        }
        Path file = target(s.root(), rel);
        byte[] body = read(s.root(), file);
        if (body == null) {
            live.awaitBuild();
            s = served.get();
            file = target(s.root(), rel);
            body = read(s.root(), file);
        }
        if (body == null) {
            notFound(ex, s);
            return;
        }
        String type = type(file.getFileName().toString());
        if (type.startsWith("text/html")) {
            sendHtml(ex, 200, body, s);
        } else {
            send(ex, 200, type, body);
        }
    }

    private void channel(HttpExchange ex, String what, Served s) throws IOException {
        if (what.equals("live.js")) {
            send(ex, 200, "text/javascript; charset=utf-8", script);
        } else if (what.equals("events") && ex.getRequestMethod().equals("GET")) {
            long since = -1;
            String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
            String query = ex.getRequestURI().getQuery();
            try {
                if (last != null) {
                    since = Long.parseLong(last.trim());
                } else if (query != null && query.startsWith("since=")) {
                    since = Long.parseLong(query.substring(6));
                }
            } catch (NumberFormatException e) {
                since = -1;
            }
            live.events(ex, since);
        } else {
            notFound(ex, s);
        }
    }

    /** The file's bytes, or null when it is not there or lies outside the served folder. */
    private static byte[] read(Path root, Path file) throws IOException {
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return null;
            }
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void notFound(HttpExchange ex, Served s) throws IOException {
        byte[] page = read(s.root(), s.root().resolve("404.html"));
        if (page == null) {
            page = "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><p>No such page.</p></html>"
                    .getBytes(StandardCharsets.UTF_8);
        }
        sendHtml(ex, 404, page, s);
    }

    /** Sends an HTML page with the live script put in before its last {@code </body>}. */
    private void sendHtml(HttpExchange ex, int status, byte[] page, Served s) throws IOException {
        send(ex, status, "text/html; charset=utf-8", inject(page, s.prefix(), s.build()));
    }

    /** The page with the live script tag before its last {@code </body>} (at its end when it has none). */
    static byte[] inject(byte[] page, String prefix, long build) {
        String html = new String(page, StandardCharsets.UTF_8);
        String tag = "<script src=\"" + prefix + CHANNEL + "live.js\" data-base=\"" + prefix + "\" data-build=\"" + build
                + "\"></script>";
        int at = html.toLowerCase(Locale.ROOT).lastIndexOf("</body>");
        String out = at < 0 ? html + tag : html.substring(0, at) + tag + html.substring(at);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private static void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", to);
        send(ex, 302, "text/plain; charset=utf-8", ("See " + to).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    static String type(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** The file a request's path names in the served folder: a folder means its index.html. */
    private static Path target(Path root, String rel) {
        Path file = root.resolve(rel).normalize();
        return rel.isEmpty() || rel.endsWith("/") || Files.isDirectory(file) ? file.resolve("index.html") : file;
    }
}
