package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void requestsToOneHostGoOneAtATimeEachThePolitenessDelayAfterThePreviousAnswer() throws Exception {
        FetchOptions polite = new FetchOptions("ua", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                2, 1024 * 1024, Duration.ofMillis(300), 2, Duration.ofHours(6), 200);
        // when the server took each request and when it began to answer it; the first answer is slow,
        // as an overloaded server's is: its pause must still be the whole delay, counted from the answer
        List<long[]> handled = new CopyOnWriteArrayList<>();
        server.route("/a", exchange -> {
            long took = System.nanoTime();
            if (handled.isEmpty()) {
                Thread.sleep(400);
            }
            handled.add(new long[] {took, System.nanoTime()});
            FeedServer.status(200).handle(exchange);
        });
        try (HttpFetcher politeFetcher = new HttpFetcher(polite);
                ExecutorService pollers = Executors.newFixedThreadPool(2)) {
            List<Future<?>> polls = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                polls.add(pollers.submit(() -> {
                    for (int i = 0; i < 2; i++) {
                        politeFetcher.fetch(server.url("/a"), Validators.NONE, HttpFetcher.PAGE_ACCEPT);
                    }
                    return null;
                }));
            }
            for (Future<?> poll : polls) {
                poll.get();
            }
        }
        // a request can reach the server only after it was sent, and an answer is read only after the
        // server began it, so these gaps are at least the delay however slowly either side runs
        List<long[]> inOrder = handled.stream().sorted(Comparator.comparingLong(h -> h[0])).toList();
        assertThat(inOrder).hasSize(4);
        for (int i = 1; i < inOrder.size(); i++) {
            assertThat(Duration.ofNanos(inOrder.get(i)[0] - inOrder.get(i - 1)[1]))
                    .as("request %d came before the delay after answer %d had passed", i, i - 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void anotherHostIsNotHeldBackWhileOneHostsRequestIsInFlight() throws Exception {
        FetchOptions polite = new FetchOptions("ua", Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(5),
                2, 1024 * 1024, Duration.ofMillis(300), 2, Duration.ofHours(6), 200);
        CountDownLatch release = new CountDownLatch(1);
        server.route("/slow", exchange -> {
            release.await();
            FeedServer.status(200).handle(exchange);
        }).route("/a", FeedServer.status(200));
        try (HttpFetcher politeFetcher = new HttpFetcher(polite);
                ExecutorService pollers = Executors.newSingleThreadExecutor()) {
            Future<FetchResult> slow = pollers.submit(
                    () -> politeFetcher.fetch(server.url("/slow"), Validators.NONE, HttpFetcher.PAGE_ACCEPT));
            while (server.hits("/slow") == 0) {
                Thread.sleep(10);
            }
            // 127.0.0.1 and localhost are two hosts to the politeness rule
            politeFetcher.fetch(server.url("/a").replace("127.0.0.1", "localhost"), Validators.NONE,
                    HttpFetcher.PAGE_ACCEPT);
            assertThat(slow).as("the other host's request is still waiting for its answer").isNotDone();
            release.countDown();
            assertThat(slow.get()).isInstanceOf(FetchResult.Body.class);
        }
    }
}
