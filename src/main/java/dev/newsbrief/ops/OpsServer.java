package dev.newsbrief.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP listener (JDK {@link HttpServer}): {@code GET /healthz} answers 200 with a
 * JSON report when every {@link HealthCheck} passes and 503 with the reason otherwise;
 * {@code GET /metrics} answers the Prometheus text format. Anything else is 404, other methods 405.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts listening on {@code settings.http().bind():settings.http().port()}.
     *
     * @throws OpsException when the address is taken or cannot be bound
     */
    public static OpsServer start(OpsSettings settings, HealthChecks health, OpsMetrics metrics) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.http().bind(), settings.http().port()), 16);
        } catch (IOException e) {
            throw new OpsException("cannot listen on " + settings.http().bind() + ":" + settings.http().port()
                    + " for /healthz and /metrics (" + e.getMessage() + "); set ops.http.port or ops.http.bind", e);
        }
        // two threads: a slow scrape must not delay the health probe
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        // log changes only: a probe every few seconds must not repeat the same line
        AtomicReference<String> lastReason = new AtomicReference<>("");
        server.createContext("/healthz", ex -> respond(ex, () -> {
            HealthReport report = health.run();
            String reason = report.healthy() ? "" : report.reason();
            String before = lastReason.getAndSet(reason);
            if (!reason.equals(before)) {
                if (report.healthy()) {
                    log.info("healthy again");
                } else {
                    log.warn("unhealthy: {}", reason);
                }
            }
            return new Response(report.healthy() ? 200 : 503, "application/json", report.toJson());
        }));
        server.createContext("/metrics", ex -> respond(ex, () -> new Response(200, PROMETHEUS_TEXT, metrics.scrape())));
        server.createContext("/", ex -> respond(ex, () -> new Response(404, "text/plain; charset=utf-8",
                "not found; try /healthz or /metrics\n")));
        server.start();
        log.info("serving /healthz and /metrics on {}:{}", settings.http().bind(), server.getAddress().getPort());
        return new OpsServer(server, executor);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private record Response(int status, String contentType, String body) {
    }

    private interface Handler {
        Response handle();
    }

    private static void respond(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            Response r;
            String method = ex.getRequestMethod();
            boolean known = ex.getHttpContext().getPath().equals(ex.getRequestURI().getPath())
                    || ex.getHttpContext().getPath().equals("/");
            if (!method.equals("GET") && !method.equals("HEAD")) {
                r = new Response(405, "text/plain; charset=utf-8", "only GET\n");
            } else if (!known) {
                r = new Response(404, "text/plain; charset=utf-8", "not found\n");
            } else {
                try {
                    r = handler.handle();
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", ex.getRequestURI().getPath(), e.toString());
                    r = new Response(500, "text/plain; charset=utf-8", "internal error\n");
                }
            }
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", r.contentType());
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                ex.sendResponseHeaders(r.status(), -1);
                return;
            }
            ex.sendResponseHeaders(r.status(), body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
