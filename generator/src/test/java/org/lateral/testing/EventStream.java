package org.lateral.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A reader of a preview's server-sent events, as a browser's EventSource reads them: one
 * connection, each event (its {@code event:}, {@code id:} and {@code data:} lines) queued as it
 * arrives. Waits are generous (a loaded machine is slow) and never assert on time.
 */
public final class EventStream implements AutoCloseable {

    /** One event. */
    public record Event(String type, long id, String data) {
    }

    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Stream<String> lines;
    private volatile boolean closed;

    private EventStream(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = client.send(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            throw new IOException(uri + " is not an event stream: " + response.headers().map());
        }
        lines = response.body();
        reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to {@code uri} and waits until the server's {@code hello} arrived. */
    public static EventStream open(HttpClient client, URI uri) throws IOException, InterruptedException {
        EventStream s = new EventStream(client, uri);
        s.next("hello");
        return s;
    }

    private void read() {
        String type = "message";
        long id = -1;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(type, id, data.toString()));
                    }
                    type = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                events.add(new Event("closed", -1, String.valueOf(e)));
            }
        }
        events.add(new Event("closed", -1, ""));
    }

    /** The next event of any type, waiting up to {@link #PATIENCE}. */
    public Event next() throws InterruptedException {
        Event e = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event within " + PATIENCE);
        }
        return e;
    }

    /** The next event of this type, skipping others (which must be neither "ok" nor "error" unless asked). */
    public Event next(String type) throws InterruptedException {
        while (true) {
            Event e = next();
            if (e.type().equals(type)) {
                return e;
            }
            if (e.type().equals("closed")) {
                throw new AssertionError("the stream closed while waiting for " + type + ": " + e.data());
            }
            if (e.type().equals("ok") || e.type().equals("error")) {
                throw new AssertionError("expected " + type + " but got " + e);
            }
        }
    }

    /** The next build's event, "ok" or "error". */
    public Event nextBuild() throws InterruptedException {
        while (true) {
            Event e = next();
            if (e.type().equals("ok") || e.type().equals("error")) {
                return e;
            }
            if (e.type().equals("closed")) {
                throw new AssertionError("the stream closed while waiting for a build: " + e.data());
            }
        }
    }

    /** Events already received and not taken. */
    public int waiting() {
        return events.size();
    }

    @Override
    public void close() {
        closed = true;
        if (lines != null) {
            lines.close();
        }
    }
}
