package org.lateral.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live channel: server-sent events to every open page, on the preview's own address under the
 * site's path ({@code <path>_lateral/events}). Each connection is kept by this class, not by a
 * thread; a comment every 15 seconds keeps it open and finds the pages that went away, whose
 * connections are then closed.
 *
 * <p>Events: {@code hello} (on connecting: the current build), {@code ok} (a good build: which
 * pages changed, whether only stylesheets did, where moved pages went) and {@code error} (a build
 * with problems: the same lines as the command line). Each has the build's number as its id.
 */
final class LiveEvents implements AutoCloseable {

    private final List<OutputStream> clients = new ArrayList<>();
    private ScheduledExecutorService heartbeat;

    /** Starts the heartbeat. */
    synchronized void start() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lateral-live-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> send(": still here\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    /** Takes over an exchange as an event stream, sending it {@code first} (whole frames). */
    void open(HttpExchange exchange, String first) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        synchronized (this) {
            if (!write(body, "retry: 1000\n\n" + first)) {
                return;
            }
            clients.add(body);
        }
    }

    /** An event as sent on the stream. */
    static String frame(String event, long id, String json) {
        return "event: " + event + "\nid: " + id + "\ndata: " + json + "\n\n";
    }

    /** Sends frames to every open page, dropping those that went away. */
    synchronized void send(String frames) {
        clients.removeIf(c -> !write(c, frames));
    }

    synchronized int connections() {
        return clients.size();
    }

    private static boolean write(OutputStream body, String frames) {
        try {
            body.write(frames.getBytes(StandardCharsets.UTF_8));
            body.flush();
            return true;
        } catch (IOException e) {
            try {
                body.close();
            } catch (IOException ignored) {
                // already gone
            }
            return false;
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService beat;
        synchronized (this) {
            beat = heartbeat;
            heartbeat = null;
            closeClients();
        }
        if (beat != null) {
            beat.shutdownNow();
            try {
                beat.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeClients() {
        for (OutputStream c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // already gone
            }
        }
        clients.clear();
    }
}
