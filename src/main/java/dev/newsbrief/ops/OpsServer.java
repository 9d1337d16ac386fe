package dev.newsbrief.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations HTTP listener (Jetty): {@code GET /healthz} answers 200 with a JSON report when
 * every {@link HealthCheck} passes and 503 with the reason otherwise; {@code GET /metrics} answers
 * the Prometheus text format. Anything else is 404, other methods 405.
 *
 * <p>Slow or stalled clients cannot take it down: Jetty reads requests without holding a thread,
 * a connection that sends nothing for {@code ops.http.read-timeout} is closed, every connection
 * serves one request and is closed {@code ops.http.request-timeout} after it opened whatever it
 * is doing, and at most {@value #MAX_CONNECTIONS} connections and {@value #MAX_THREADS} threads
 * exist at once.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** Pool bound: Jetty's acceptor and selector plus a few handlers (a scrape must not delay a probe). */
    static final int MAX_THREADS = 8;
    /** Connections beyond this wait in the accept queue until one closes. */
    static final int MAX_CONNECTIONS = 64;

    private final Server server;
    private final ServerConnector connector;

    private OpsServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Starts listening on {@code settings.http().bind():settings.http().port()}.
     *
     * @throws OpsException when the address is taken or cannot be bound
     */
    public static OpsServer start(OpsSettings settings, HealthChecks health, OpsMetrics metrics) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("ops-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.http().bind());
        connector.setPort(settings.http().port());
        connector.setIdleTimeout(settings.http().readTimeout().toMillis());
        connector.addBean(new RequestDeadline(connector.getScheduler(), settings.http().requestTimeout()));
        server.addConnector(connector);
        server.addBean(new ConnectionLimit(MAX_CONNECTIONS, server));
        server.setHandler(new Routes(health, metrics));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new OpsException("cannot listen on " + settings.http().bind() + ":" + settings.http().port()
                    + " for /healthz and /metrics (" + e.getMessage() + "); set ops.http.port or ops.http.bind", e);
        }
        log.info("serving /healthz and /metrics on {}:{}", settings.http().bind(), connector.getLocalPort());
        return new OpsServer(server, connector);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Closes every connection {@code timeout} after it opened, so none lives on by trickling bytes. */
    private static final class RequestDeadline implements Connection.Listener {
        private final Scheduler scheduler;
        private final Duration timeout;

        RequestDeadline(Scheduler scheduler, Duration timeout) {
            this.scheduler = scheduler;
            this.timeout = timeout;
        }

        @Override
        public void onOpened(Connection connection) {
            Scheduler.Task task = scheduler.schedule(connection::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
            connection.addEventListener(new Connection.Listener() {
                @Override
                public void onClosed(Connection closed) {
                    task.cancel();
                }
            });
        }
    }

    private record Reply(int status, String contentType, String body) {
    }

    /** The three routes; each request gets one answer and then the connection closes. */
    private static final class Routes extends Handler.Abstract.NonBlocking {
        private final HealthChecks health;
        private final OpsMetrics metrics;
        // log changes only: a probe every few seconds must not repeat the same line. A change is a
        // different set of failing checks, not a different detail ("no poll for 241s" ticks every probe)
        private final AtomicReference<List<String>> lastFailing = new AtomicReference<>(List.of());

        Routes(HealthChecks health, OpsMetrics metrics) {
            this.health = health;
            this.metrics = metrics;
        }

        @Override
        public InvocationType getInvocationType() {
            // health checks and scrapes query the store: run them on a pool thread, never a selector
            return InvocationType.BLOCKING;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            String path = Request.getPathInContext(request);
            Reply reply;
            if (!method.equals("GET") && !method.equals("HEAD")) {
                reply = new Reply(405, "text/plain; charset=utf-8", "only GET\n");
            } else {
                try {
                    reply = switch (path) {
                        case "/healthz" -> healthz();
                        case "/metrics" -> new Reply(200, PROMETHEUS_TEXT, metrics.scrape());
                        case "/" -> new Reply(404, "text/plain; charset=utf-8", "not found; try /healthz or /metrics\n");
                        default -> new Reply(404, "text/plain; charset=utf-8", "not found\n");
                    };
                } catch (RuntimeException e) {
                    log.warn("{} failed: {}", path, e.toString());
                    reply = new Reply(500, "text/plain; charset=utf-8", "internal error\n");
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(reply.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, method.equals("HEAD") ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
            return true;
        }

        private Reply healthz() {
            HealthReport report = health.run();
            List<String> failing = report.healthy() ? List.of()
                    : report.failing().isEmpty() ? List.of("(no checks)") : report.failing();
            List<String> before = lastFailing.getAndSet(failing);
            if (!failing.equals(before)) {
                if (report.healthy()) {
                    log.info("healthy again");
                } else {
                    log.warn("unhealthy: {}", report.reason());
                }
            }
            return new Reply(report.healthy() ? 200 : 503, "application/json", report.toJson());
        }
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.debug("stopping the ops listener: {}", e.toString());
        }
    }
}
