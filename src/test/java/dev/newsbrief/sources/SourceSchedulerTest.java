package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSchedulerTest {
    @TempDir
    Path dir;

    private final FeedServer server = new FeedServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 15 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aHangingSourceDoesNotBlockTheOthersAndCloseStopsPolling() throws Exception {
        server.route("/hang", exchange -> Thread.sleep(6_000))
                .route("/gazette", server.resource("rss2-content.xml", "application/rss+xml"))
                .route("/solar", server.resource("atom.xml", "application/atom+xml"));
        Duration interval = Duration.ofMillis(300);
        List<Source> sources = List.of(
                new FeedSource("hang", server.url("/hang"), interval, List.of(), List.of()),
                new FeedSource("gazette", server.url("/gazette"), interval, List.of(), List.of()),
                new FeedSource("solar", server.url("/solar"), interval, List.of(), List.of()));
        try (Database db = Database.open(dir.resolve("s.db"))) {
            TestSupport.RecordingSink sink = new TestSupport.RecordingSink(db);
            try (SourcePolling polling = new SourcePolling(TestSupport.fastOptions(), db, sink,
                    Clock.systemUTC())) {
                SourceScheduler scheduler = new SourceScheduler(polling, sources, Clock.systemUTC());
                scheduler.start();
                await(() -> sink.store.count() == 5);
                await(() -> server.hits("/gazette") >= 3);
                await(() -> polling.store().find("hang").map(FeedState::failing).orElse(false));
                scheduler.close();
                long hitsAfterClose = server.requests.size();
                Thread.sleep(500);
                assertThat(server.requests.size()).as("no polls after close").isEqualTo(hitsAfterClose);
                assertThat(sink.received).as("re-polled feeds ingest nothing twice").hasSize(5);
                assertThat(SourceHealth.summary(SourceHealth.of(sources, polling.store())))
                        .isEqualTo("3 sources, 1 failing, 5 items seen");
            }
        }
    }

    @Test
    void concurrentFetchesAreBounded() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        FeedServer.Handler slow = exchange -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                server.resource("atom.xml", "application/atom+xml").handle(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        };
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            server.route("/f" + i, slow);
            sources.add(new FeedSource("f" + i, server.url("/f" + i), Duration.ofHours(1), List.of(), List.of()));
        }
        try (Database db = Database.open(dir.resolve("c.db"))) {
            TestSupport.RecordingSink sink = new TestSupport.RecordingSink(db);
            try (SourcePolling polling = new SourcePolling(TestSupport.fastOptions(), db, sink,
                    Clock.systemUTC())) {
                SourceScheduler scheduler = new SourceScheduler(polling, sources, Clock.systemUTC());
                scheduler.start();
                await(() -> sources.stream().allMatch(s -> polling.store().find(s.name())
                        .map(st -> st.lastSuccessAt() != null).orElse(false)));
                scheduler.close();
            }
        }
        assertThat(maxInFlight.get()).isBetween(1, 2);
    }

    @Test
    void closingMidPollStopsAfterTheCurrentItemAndTheNextRunPicksUpTheRest() throws Exception {
        StringBuilder rss = new StringBuilder("<rss version=\"2.0\"><channel><title>Slow</title><link>http://x</link>"
                + "<description>d</description>");
        for (int i = 0; i < 6; i++) {
            rss.append("<item><title>Story ").append(i).append("</title><link>").append(server.url("/p" + i))
                    .append("</link><description>Short.</description></item>");
            int n = i;
            server.route("/p" + i, exchange -> {
                Thread.sleep(300);
                FeedServer.send(exchange, 200, "text/html", ("<html><body><article><h1>Story " + n + "</h1><p>Story "
                        + n + " is a long enough paragraph about harbour cranes, freight rates and port congestion "
                        + "to count as an article.</p></article></body></html>").getBytes());
            });
        }
        byte[] feed = rss.append("</channel></rss>").toString().getBytes();
        server.route("/slow", exchange -> FeedServer.send(exchange, 200, "application/rss+xml", feed));
        List<Source> sources = List.of(new FeedSource("slow", server.url("/slow"), Duration.ofHours(1), List.of(),
                List.of()));
        try (Database db = Database.open(dir.resolve("x.db"))) {
            TestSupport.RecordingSink sink = new TestSupport.RecordingSink(db);
            try (SourcePolling polling = new SourcePolling(TestSupport.fastOptions(), db, sink, Clock.systemUTC())) {
                SourceScheduler scheduler = new SourceScheduler(polling, sources, Clock.systemUTC());
                scheduler.start();
                await(() -> server.hits("/p0") == 1);
                scheduler.close();
                assertThat(polling.store().find("slow").map(FeedState::failing).orElse(false)).isFalse();
                assertThat(sink.received.size()).isBetween(1, 5);
            }
            try (SourcePolling again = new SourcePolling(TestSupport.fastOptions(), db, sink, Clock.systemUTC())) {
                assertThat(again.poll(sources.get(0)).error()).isNull();
            }
            assertThat(sink.received).extracting(ParsedArticle::title).doesNotHaveDuplicates().hasSize(6);
            assertThat(sink.store.count()).isEqualTo(6);
            sink.close();
        }
    }

    @Test
    void failedPollsAreCountedPerSource() throws Exception {
        server.route("/gazette", server.resource("rss2-content.xml", "application/rss+xml"));
        List<Source> sources = List.of(
                new FeedSource("gone", server.url("/no-such-feed"), Duration.ofMillis(200), List.of(), List.of()),
                new FeedSource("gazette", server.url("/gazette"), Duration.ofHours(1), List.of(), List.of()));
        io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (Database db = Database.open(dir.resolve("m.db"))) {
            TestSupport.RecordingSink sink = new TestSupport.RecordingSink(db);
            try (SourcePolling polling = new SourcePolling(TestSupport.fastOptions(), db, sink, Clock.systemUTC())) {
                SourceScheduler scheduler = new SourceScheduler(polling, sources, Clock.systemUTC(), metrics);
                scheduler.start();
                await(() -> metrics.counter("newsbrief.feeds.errors", "source", "gone").count() >= 1);
                await(() -> polling.store().find("gazette").map(st -> st.lastSuccessAt() != null).orElse(false));
                scheduler.close();
            }
        }
        assertThat(metrics.find("newsbrief.feeds.errors").tag("source", "gazette").counter()).isNull();
    }
}
