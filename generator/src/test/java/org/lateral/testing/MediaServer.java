package org.lateral.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An old blog's media on 127.0.0.1: serves {@code src/test/resources/import/media}; records each path asked for. */
public final class MediaServer implements AutoCloseable {

    private final HttpServer server;
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public MediaServer() {
        Path root = Path.of("src/test/resources/import/media").toAbsolutePath();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path);
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** {@code http://127.0.0.1:PORT}, no slash at the end. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A fixture of {@code src/test/resources/import} with {@code @MEDIA@} replaced by {@link #base()}, written into {@code dir}. */
    public Path fixture(String name, Path dir) {
        return fixture(name, dir, name);
    }

    /** As {@link #fixture(String, Path)}, written as {@code dir/as}. */
    public Path fixture(String name, Path dir, String as) {
        try {
            String text = Files.readString(Path.of("src/test/resources/import", name)).replace("@MEDIA@", base());
            Path out = dir.resolve(as);
            Files.createDirectories(dir);
            Files.writeString(out, text);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
