package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.store.Database;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsServerTest {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final OpsMetrics metrics = new OpsMetrics();
    private final HealthChecks health = new HealthChecks(Redactor.tokenShapes());
    private OpsServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void start() {
        server = OpsServer.start(OpsSettings.DEFAULTS.withPort(0), health, metrics);
    }

    @Test
    void healthzIs200WhenEveryCheckPassesAnd503WithTheReasonOtherwise() throws Exception {
        AtomicBoolean polling = new AtomicBoolean(true);
        health.register("store", () -> HealthCheck.Result.healthy("schema version 1"));
        health.register("telegram", () -> polling.get() ? HealthCheck.Result.healthy("last poll 1s ago")
                : HealthCheck.Result.unhealthy("no successful poll for 240s"));
        start();

        HttpResponse<String> ok = get("/healthz");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = new ObjectMapper().readTree(ok.body());
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("checks").get("store").get("healthy").asBoolean()).isTrue();

        polling.set(false);
        HttpResponse<String> down = get("/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode reason = new ObjectMapper().readTree(down.body());
        assertThat(reason.get("status").asText()).isEqualTo("unhealthy");
        assertThat(reason.get("reason").asText()).isEqualTo("telegram: no successful poll for 240s");
    }

    @Test
    void anUnhealthyStateIsLoggedOnceNotOnEveryProbe() throws Exception {
        java.util.concurrent.atomic.AtomicInteger seconds = new java.util.concurrent.atomic.AtomicInteger(200);
        health.register("telegram", () -> HealthCheck.Result.unhealthy(
                "no successful poll for " + seconds.getAndIncrement() + "s (limit 180s)"));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(OpsServer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            start();
            for (int i = 0; i < 5; i++) {
                assertThat(get("/healthz").statusCode()).isEqualTo(503);
            }
            health.register("telegram", () -> HealthCheck.Result.healthy("last poll 1s ago"));
            assertThat(get("/healthz").statusCode()).isEqualTo(200);
            assertThat(get("/healthz").statusCode()).isEqualTo(200);
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("healthy")))
                .containsExactly("unhealthy: telegram: no successful poll for 200s (limit 180s)", "healthy again");
    }

    @Test
    void clientsThatSendHalfARequestDoNotBlockTheProbeAndAreCutOff() throws Exception {
        health.register("store", () -> HealthCheck.Result.healthy("ok"));
        server = OpsServer.start(OpsSettings.DEFAULTS.withPort(0).withTimeouts(Duration.ofMillis(500),
                Duration.ofSeconds(2)), health, metrics);
        java.util.List<java.net.Socket> stalled = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: probe\r\n".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            // nothing more arrives: the read timeout closes the stalled connections
            for (java.net.Socket s : stalled) {
                s.setSoTimeout(10_000);
                java.io.InputStream in = s.getInputStream();
                while (in.read() != -1) {
                    // a 408 (or nothing) and then the end of the stream
                }
            }
            // one that trickles a header byte every 300 ms never trips the read timeout, only the request deadline
            try (java.net.Socket trickle = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                    server.port())) {
                trickle.getOutputStream().write("GET /healthz HTTP/1.1\r\n".getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII));
                long start = System.nanoTime();
                boolean cut = false;
                for (int i = 0; i < 40 && !cut; i++) {
                    try {
                        trickle.getOutputStream().write('X');
                        trickle.getOutputStream().flush();
                        Thread.sleep(300);
                    } catch (java.io.IOException e) {
                        cut = true;
                    }
                }
                assertThat(cut).as("the connection was closed by the request deadline").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
            }
        } finally {
            for (java.net.Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aThrowingCheckIsUnhealthyWithItsMessageRedacted() throws Exception {
        health.register("telegram", () -> {
            throw new IllegalStateException("GET https://api.telegram.org/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/getMe");
        });
        start();
        HttpResponse<String> down = get("/healthz");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("IllegalStateException").contains("bot****/getMe").doesNotContain("AAAAAAAA");
    }

    @Test
    void noChecksMeansNotHealthy() throws Exception {
        start();
        assertThat(get("/healthz").statusCode()).isEqualTo(503);
    }

    @Test
    void metricsServeJvmMetricsStoreGaugesAndLatencyHistograms() throws Exception {
        try (Database db = Database.open(dir.resolve("newsbrief.db"))) {
            StoreFixture.addArticles(db, "Reuters", 2);
            long now = Instant.parse("2024-03-02T00:00:00Z").toEpochMilli();
            db.inTransaction(c -> {
                StoreFixture.addChat(c, 7, true);
                StoreFixture.addDelivery(c, 7, "Reuters-0", "pending", now - 90_000);
                StoreFixture.addDelivery(c, 7, "Reuters-1", "sent", now - 10_000);
                StoreFixture.addFeed(c, "ap-top", 3, "timeout");
                return null;
            });
            StoreGauges gauges = new StoreGauges(new OpsQueries(db),
                    Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC), metrics.registry());
            metrics.beforeScrape(gauges::refresh);
            // what brief and telegram record, through the plain registry they are handed
            Timer.builder(MetricNames.QUERY_LATENCY).register(metrics.registry()).record(Duration.ofMillis(40));
            metrics.registry().counter(MetricNames.UPDATES, "type", "command").increment();
            start();

            HttpResponse<String> r = get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(r.body())
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_gc_")
                    .contains("newsbrief_alerts_queue_depth 1.0")
                    .contains("newsbrief_alerts_oldest_pending_seconds 90.0")
                    .contains("newsbrief_articles_stored{source=\"Reuters\"} 2.0")
                    .contains("newsbrief_feeds_consecutive_failures{source=\"ap-top\"} 3.0")
                    .contains("newsbrief_telegram_updates_total{type=\"command\"} 1.0")
                    .contains("newsbrief_telegram_replies_sent_total 0.0")
                    .contains("newsbrief_query_latency_seconds_bucket{le=\"0.05\"} 1")
                    .contains("newsbrief_query_latency_seconds_bucket{le=\"0.025\"} 0")
                    .contains("newsbrief_alerts_delivery_lag_seconds_count 0");

            // the worker sends the pending alert 30 s after it was queued; the next scrape records that lag once
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE deliveries SET status = 'sent', sent_at = created_at + 30000 "
                        + "WHERE status = 'pending'")) {
                    return ps.executeUpdate();
                }
            });
            String after = get("/metrics").body();
            assertThat(after).contains("newsbrief_alerts_delivery_lag_seconds_count 1")
                    .contains("newsbrief_alerts_delivery_lag_seconds_bucket{le=\"15.0\"} 0")
                    .contains("newsbrief_alerts_delivery_lag_seconds_bucket{le=\"30.0\"} 1")
                    .contains("newsbrief_alerts_queue_depth 0.0");
            assertThat(get("/metrics").body()).contains("newsbrief_alerts_delivery_lag_seconds_count 1");
        }
    }

    @Test
    void unknownPathsAre404AndOtherMethods405() throws Exception {
        start();
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(get("/healthz/extra").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aTakenPortIsAClearError() {
        start();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> OpsServer.start(OpsSettings.DEFAULTS.withPort(server.port()), health, metrics))
                .isInstanceOf(OpsException.class).hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
}
