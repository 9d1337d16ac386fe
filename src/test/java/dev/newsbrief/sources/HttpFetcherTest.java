package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private final FeedServer server = new FeedServer();
    private final FetchOptions options = TestSupport.fastOptions();
    private final HttpFetcher fetcher = new HttpFetcher(options);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult.Body get(String path) {
        return (FetchResult.Body) fetcher.fetch(server.url(path), Validators.NONE, HttpFetcher.FEED_ACCEPT);
    }

    @Test
    void sendsUserAgentAndAcceptsGzipTransparently() {
        server.route("/feed", server.resource("rss2-content.xml", "application/rss+xml"));
        FetchResult.Body body = get("/feed");
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).contains("Port of Rotterdam");
        FeedServer.Seen seen = server.requests.get(0);
        assertThat(seen.headers().get("User-agent")).containsExactly("newsbrief-test/1.0");
        assertThat(seen.headers().get("Accept-encoding")).containsExactly("gzip");
        assertThat(body.validators().etag()).isNotBlank();
    }

    @Test
    void followsRedirectsUpToTheLimit() {
        server.route("/feed", server.resource("atom.xml", "application/atom+xml"))
                .route("/old", FeedServer.redirect(301, "/moved"))
                .route("/moved", FeedServer.redirect(302, server.url("/feed")))
                .route("/loop", FeedServer.redirect(302, "/loop"));
        FetchResult.Body body = get("/old");
        assertThat(body.finalUrl()).isEqualTo(server.url("/feed"));
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).contains("Solar farm");
        assertThatThrownBy(() -> get("/loop")).isInstanceOf(FetchException.class)
                .hasMessage(server.url("/loop") + ": more than 3 redirects");
        assertThat(server.hits("/loop")).isEqualTo(4);
    }

    @Test
    void conditionalGetAnswersNotModified() {
        server.route("/feed", server.resource("rss1.xml", "application/rdf+xml"));
        FetchResult.Body first = get("/feed");
        FetchResult second = fetcher.fetch(server.url("/feed"), first.validators(), HttpFetcher.FEED_ACCEPT);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests.get(1).headers().get("If-none-match")).containsExactly(first.validators().etag());
    }

    @Test
    void errorStatusesNameTheUrlAndStatus() {
        server.route("/gone", FeedServer.status(404)).route("/broken", FeedServer.status(500));
        assertThatThrownBy(() -> get("/gone")).isInstanceOf(FetchException.class)
                .hasMessageStartingWith(server.url("/gone") + ": HTTP 404")
                .extracting(e -> ((FetchException) e).status()).isEqualTo(404);
        assertThatThrownBy(() -> get("/broken")).hasMessageStartingWith(server.url("/broken") + ": HTTP 500");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() {
        server.route("/hang", exchange -> Thread.sleep(6_000));
        assertThatThrownBy(() -> get("/hang")).isInstanceOf(FetchException.class)
                .hasMessageContaining(": timed out (");
    }

    @Test
    void aSlowTrickleIsCutOffByTheCallTimeout() {
        // one byte every 100 ms never trips the read timeout, only the whole-call limit
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            }
        });
        assertThatThrownBy(() -> get("/trickle")).isInstanceOf(FetchException.class)
                .hasMessageContaining("timed out (not complete within 2500 ms)");
    }

    @Test
    void bodiesOverTheSizeCapAreRefused() {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        FeedServer.Handler twentyMegabytes = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0); // chunked: the cap must hold without a Content-Length
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 20 * 16; i++) {
                    out.write(block);
                }
            }
        };
        server.route("/huge", twentyMegabytes);
        assertThatThrownBy(() -> get("/huge")).isInstanceOf(FetchException.class)
                .hasMessage(server.url("/huge") + ": response is over the 10485760-byte limit");
        server.route("/declared", exchange -> {
            exchange.sendResponseHeaders(200, 20L * 1024 * 1024);
            exchange.getResponseBody().write(block);
        });
        assertThatThrownBy(() -> get("/declared"))
                .hasMessage(server.url("/declared") + ": response of 20971520 bytes is over the 10485760-byte limit");
    }

    @Test
    void aServerThatClosesKeptAliveConnectionsStillAnswersTheNextRequest() throws Exception {
        // like an HTTP/1.0 server or a short keep-alive timeout: it answers without "Connection: close"
        // and then closes, so the connection OkHttp pooled is dead by the next request to that host
        byte[] feed = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>".getBytes(StandardCharsets.UTF_8);
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Thread serving = Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try (java.net.Socket s = listener.accept()) {
                        java.io.BufferedReader in = new java.io.BufferedReader(
                                new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            // request line and headers
                        }
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: "
                                + feed.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(feed);
                        out.flush();
                    } catch (java.io.IOException e) {
                        // closed listener, or the client went away
                    }
                }
            });
            String base = "http://127.0.0.1:" + listener.getLocalPort();
            for (String path : java.util.List.of("/one.xml", "/two.xml", "/three.xml")) {
                FetchResult.Body body = (FetchResult.Body) fetcher.fetch(base + path, Validators.NONE,
                        HttpFetcher.FEED_ACCEPT);
                assertThat(body.bytes()).isEqualTo(feed);
            }
            listener.close();
            serving.join(2_000);
        }
    }

    @Test
    void requestsToOneHostAreSpacedByThePolitenessDelay() {
        FetchOptions polite = new FetchOptions("ua", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                2, 1024 * 1024, Duration.ofMillis(300), 2, Duration.ofHours(6), 200);
        server.route("/a", FeedServer.status(200));
        try (HttpFetcher politeFetcher = new HttpFetcher(polite)) {
            for (int i = 0; i < 4; i++) {
                politeFetcher.fetch(server.url("/a"), Validators.NONE, HttpFetcher.PAGE_ACCEPT);
            }
        }
        // the first request also opens the connection, so its arrival time says little; compare the later ones
        for (int i = 2; i < 4; i++) {
            long gap = server.requests.get(i).atNanos() - server.requests.get(i - 1).atNanos();
            assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }
}
