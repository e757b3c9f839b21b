package org.lateral.aggregate.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for hub tests: one route per scenario, on 127.0.0.1 and a free port,
 * never a public address. Records the hits and request headers of every route.
 */
public final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Hit(String path, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-http");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Hit> requests = new CopyOnWriteArrayList<>();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Adds a route; the handler's exchange is closed afterwards. */
    public LoopbackServer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            String requested = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(requested, k -> new AtomicInteger()).incrementAndGet();
            requests.add(new Hit(requested, exchange.getRequestHeaders()));
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the client went away (the fetcher abandoned a slow route): expected in these tests
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    public List<Hit> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A route answering with a fixed status, headers and body. */
    public static HttpHandler respond(int status, String contentType, byte[] body, String... headers) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            if (body.length == 0) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            }
        };
    }

    public static HttpHandler respond(int status, String contentType, String body, String... headers) {
        return respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    public static HttpHandler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /**
     * A raw TCP server for what HttpServer cannot do (trickling headers, never answering): each
     * accepted connection is handed to {@code behaviour} on its own thread.
     */
    public static final class Raw implements AutoCloseable {

        /** What to do with one connection. */
        @FunctionalInterface
        public interface Behaviour {
            void serve(InputStream in, OutputStream out) throws IOException, InterruptedException;
        }

        private final ServerSocket socket;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();

        public Raw(Behaviour behaviour) {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.add(s);
                        connections.incrementAndGet();
                        Thread worker = new Thread(() -> {
                            try (s) {
                                behaviour.serve(s.getInputStream(), s.getOutputStream());
                            } catch (IOException | InterruptedException e) {
                                // the client hung up: expected
                            }
                        }, "loopback-raw-conn");
                        worker.setDaemon(true);
                        worker.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "loopback-raw");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        public URI uri(String path) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
        }

        public int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** Reads the request head (up to the blank line) so a raw behaviour can answer after it. */
    public static void readRequestHead(InputStream in) throws IOException {
        int state = 0;
        for (int b; (b = in.read()) >= 0; ) {
            state = (b == '\r' || b == '\n') ? state + 1 : 0;
            if (state == 4) {
                return;
            }
        }
    }

    /** Helper for handlers that need the exchange's request header. */
    public static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }
}
