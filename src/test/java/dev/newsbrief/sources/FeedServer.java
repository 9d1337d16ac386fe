package dev.newsbrief.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/** A local HTTP server on 127.0.0.1 and a random port that serves the test feeds and pages. */
final class FeedServer implements AutoCloseable {
    /** What a path answers. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    /** One request as the server saw it. */
    record Seen(String path, Map<String, List<String>> headers, long atNanos) {}

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    final List<Seen> requests = new CopyOnWriteArrayList<>();

    FeedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feed-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            requests.add(new Seen(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                    System.nanoTime()));
            Handler h = routes.get(exchange.getRequestURI().getPath());
            try {
                if (h == null) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    h.handle(exchange);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client went away (timeouts); nothing to answer
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String path) {
        return base() + path;
    }

    FeedServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    long hits(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Serves a file from src/test/resources/sources with {{base}} replaced, with an ETag for conditional GETs. */
    Handler resource(String name, String contentType) {
        return exchange -> {
            byte[] body = bytes(name);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", etag);
            send(exchange, 200, contentType, body);
        };
    }

    byte[] bytes(String name) {
        try (InputStream in = FeedServer.class.getResourceAsStream("/sources/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            byte[] raw = in.readAllBytes();
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            return text.replace("{{base}}", base()).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Handler status(int code) {
        return exchange -> send(exchange, code, "text/plain", ("status " + code).getBytes(StandardCharsets.UTF_8));
    }

    static Handler redirect(int code, String location) {
        return exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(code, -1);
        };
    }

    static void send(HttpExchange exchange, int code, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accept != null && accept.contains("gzip") && body.length > 0) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(code, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                out.write(body);
            }
        } else {
            exchange.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
