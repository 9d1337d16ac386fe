package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedPollerTest {
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private final FeedServer server = new FeedServer();
    private final TestSupport.MutableClock clock = new TestSupport.MutableClock(Instant.parse("2025-03-10T08:00:00Z"));
    private Database db;
    private TestSupport.RecordingSink sink;
    private SourcePolling polling;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("n.db"));
        sink = new TestSupport.RecordingSink(db);
        polling = new SourcePolling(TestSupport.fastOptions(), db, sink, clock);
    }

    @AfterEach
    void close() {
        polling.close();
        sink.close();
        db.close();
        server.close();
    }

    private FeedSource feed(String name, String path) {
        return new FeedSource(name, server.url(path), TEN_MINUTES, List.of(), List.of());
    }

    private FeedState state(String name) {
        return polling.store().find(name).orElseThrow();
    }

    @Test
    void contentFeedLandsOnceAndTheNextPollIsConditional() {
        server.route("/gazette", server.resource("rss2-content.xml", "application/rss+xml"));
        FeedSource gazette = feed("gazette", "/gazette");

        PollReport first = polling.poll(gazette);
        assertThat(first.status()).isEqualTo(PollReport.Status.OK);
        assertThat(first.newItems()).isEqualTo(3);
        assertThat(first.ingested()).isEqualTo(3);
        assertThat(sink.store.count()).isEqualTo(3);
        Article terminal = sink.store.find(server.url("/news/terminal")).orElseThrow();
        assertThat(terminal.title()).isEqualTo("Port of Rotterdam opens new container terminal");
        assertThat(terminal.source()).isEqualTo("gazette");
        assertThat(terminal.body()).startsWith("The Port of Rotterdam opened").contains("\n\nThe terminal adds");
        assertThat(terminal.tags()).containsEntry("feed_item", "gazette-1001");
        assertThat(server.hits("/news/terminal")).as("content:encoded needs no page fetch").isZero();

        clock.advance(TEN_MINUTES);
        PollReport second = polling.poll(gazette);
        assertThat(second.status()).isEqualTo(PollReport.Status.NOT_MODIFIED);
        assertThat(sink.received).hasSize(3);
        FeedState st = state("gazette");
        assertThat(st.itemsSeen()).isEqualTo(3);
        assertThat(st.etag()).isNotBlank();
        assertThat(st.lastSuccessAt()).isEqualTo(clock.instant());
        assertThat(st.nextPollAt()).isEqualTo(clock.instant().plus(TEN_MINUTES));
    }

    @Test
    void summaryOnlyItemsGetTheLinkedPageAndKeepTheSummaryWhenItFails() {
        server.route("/grain", server.resource("rss2-summary.xml", "application/rss+xml"))
                .route("/pages/wheat.html", server.resource("wheat.html", "text/html; charset=utf-8"));
        PollReport report = polling.poll(feed("grain", "/grain"));
        assertThat(report.status()).isEqualTo(PollReport.Status.OK);
        assertThat(report.ingested()).isEqualTo(2);
        Article wheat = sink.store.find(server.url("/pages/wheat.html")).orElseThrow();
        assertThat(wheat.body()).startsWith("Wheat futures in Chicago rose three percent")
                .contains("winter crop").doesNotContain("Copyright");
        Article corn = sink.store.find(server.url("/pages/missing.html")).orElseThrow();
        assertThat(corn.body()).isEqualTo("Corn exports slowed last month, the ministry said.");
        assertThat(server.hits("/pages/missing.html")).isEqualTo(1);
    }

    @Test
    void atomAndRss1FeedsLand() {
        server.route("/atom", server.resource("atom.xml", "application/atom+xml"))
                .route("/rss1", server.resource("rss1.xml", "application/rdf+xml"));
        assertThat(polling.poll(feed("solar", "/atom")).ingested()).isEqualTo(2);
        assertThat(polling.poll(feed("rail", "/rss1")).ingested()).isEqualTo(2);
        assertThat(sink.store.find(server.url("/solar/farm")).orElseThrow().body())
                .isEqualTo("A 300-megawatt solar farm in Andalusia connected to the national grid on Thursday.");
        Article strike = sink.store.find(server.url("/rail/strike")).orElseThrow();
        assertThat(strike.title()).isEqualTo("Train drivers call off strike");
        assertThat(server.hits("/rail/strike")).as("a short description sends for the page").isEqualTo(1);
        assertThat(strike.body()).as("the page is missing, so the description stays")
                .isEqualTo("Train drivers called off a planned national strike after a late offer from the rail companies.");
        assertThat(server.hits("/solar/farm")).as("Atom content needs no page fetch").isZero();
    }

    @Test
    void aFeedThatRepeatsAndReordersItemsIngestsEachOnce() {
        AtomicReference<String> version = new AtomicReference<>("repeat-1.xml");
        server.route("/echo", exchange -> FeedServer.send(exchange, 200, "application/rss+xml",
                server.bytes(version.get())));
        FeedSource echo = feed("echo", "/echo");
        PollReport first = polling.poll(echo);
        assertThat(first.newItems()).as(String.valueOf(first.error())).isEqualTo(2);
        version.set("repeat-2.xml");
        PollReport second = polling.poll(echo);
        assertThat(second.newItems()).isEqualTo(1);
        version.set("repeat-1.xml");
        assertThat(polling.poll(echo).newItems()).isZero();
        assertThat(sink.received).extracting(ParsedArticle::url)
                .containsExactly(server.url("/echo/1"), server.url("/echo/2"), server.url("/echo/3"));
        assertThat(sink.store.count()).isEqualTo(3);
        assertThat(state("echo").itemsSeen()).isEqualTo(3);
    }

    @Test
    void keywordFiltersDropItemsBeforeIngestAndRememberThem() {
        server.route("/gazette", server.resource("rss2-content.xml", "application/rss+xml"));
        FeedSource onlyPort = new FeedSource("port", server.url("/gazette"), TEN_MINUTES, List.of("terminal", "fog"),
                List.of("estuary"));
        PollReport report = polling.poll(onlyPort);
        assertThat(report.newItems()).isEqualTo(3);
        assertThat(sink.received).extracting(ParsedArticle::title)
                .containsExactly("Port of Rotterdam opens new container terminal");
        assertThat(polling.store().seen("port", "gazette-1003")).isTrue();
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndRecover() {
        AtomicReference<Integer> status = new AtomicReference<>(500);
        server.route("/flaky", exchange -> {
            if (status.get() == 200) {
                server.resource("atom.xml", "application/atom+xml").handle(exchange);
            } else {
                FeedServer.send(exchange, status.get(), "text/plain", "down".getBytes());
            }
        });
        FeedSource flaky = feed("flaky", "/flaky");
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                PollRecorder.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Instant start = clock.instant();
        PollReport first = polling.poll(flaky);
        assertThat(first.status()).isEqualTo(PollReport.Status.FAILED);
        assertThat(first.error()).isEqualTo(server.url("/flaky") + ": HTTP 500 Internal Server Error");
        assertThat(first.nextPollAt()).isEqualTo(start.plus(Duration.ofMinutes(20)));

        status.set(404);
        clock.set(first.nextPollAt());
        PollReport second = polling.poll(flaky);
        assertThat(second.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(40)));
        assertThat(state("flaky").consecutiveFailures()).isEqualTo(2);
        assertThat(state("flaky").lastError()).contains("HTTP 404");

        for (int i = 0; i < 6; i++) {
            clock.set(polling.poll(flaky).nextPollAt());
        }
        FeedState capped = state("flaky");
        assertThat(capped.consecutiveFailures()).isEqualTo(8);
        assertThat(Duration.between(capped.lastErrorAt(), capped.nextPollAt())).isEqualTo(Duration.ofHours(6));

        status.set(200);
        PollReport recovered = polling.poll(flaky);
        assertThat(recovered.status()).isEqualTo(PollReport.Status.OK);
        assertThat(recovered.ingested()).isEqualTo(2);
        FeedState healthy = state("flaky");
        assertThat(healthy.consecutiveFailures()).isZero();
        assertThat(healthy.lastError()).as("last error stays visible").contains("HTTP 404");
        assertThat(healthy.nextPollAt()).isEqualTo(clock.instant().plus(TEN_MINUTES));
        polling.poll(flaky);
        logger.detachAppender(logged);
        assertThat(logged.list).as("one line when it starts failing, one when it recovers, none in between")
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.INFO))
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("feed flaky is failing: " + server.url("/flaky") + ": HTTP 500"),
                        m -> assertThat(m).isEqualTo("feed flaky recovered after 8 failed polls"));
    }

    @Test
    void retryAfterFromTheServerDelaysTheNextPollWithinTheCap() {
        server.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "7200");
            FeedServer.send(exchange, 503, "text/plain", "busy".getBytes());
        }).route("/limited", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "86400");
            FeedServer.send(exchange, 429, "text/plain", "slow down".getBytes());
        });
        PollReport busy = polling.poll(feed("busy", "/busy"));
        assertThat(busy.error()).contains("HTTP 503");
        assertThat(busy.nextPollAt()).isEqualTo(clock.instant().plus(Duration.ofHours(2)));
        PollReport limited = polling.poll(feed("limited", "/limited"));
        assertThat(limited.nextPollAt()).as("capped at backoff-max").isEqualTo(clock.instant().plus(Duration.ofHours(6)));
    }

    @Test
    void malformedXmlTimeoutsAndRefusedBodiesAreFailuresWithReasons() {
        server.route("/bad", server.resource("malformed.xml", "application/rss+xml"))
                .route("/hang", exchange -> Thread.sleep(6_000));
        PollReport bad = polling.poll(feed("bad", "/bad"));
        assertThat(bad.status()).isEqualTo(PollReport.Status.FAILED);
        assertThat(bad.error()).startsWith(server.url("/bad") + ": not a valid RSS or Atom feed");
        PollReport hang = polling.poll(feed("hang", "/hang"));
        assertThat(hang.error()).contains("timed out");
        assertThat(SourceHealth.of(List.of(feed("bad", "/bad"), feed("hang", "/hang"), feed("new", "/x")),
                polling.store())).extracting(SourceHealth::status).containsExactly("failing", "failing", "new");
    }

    @Test
    void wrongCharsetDeclarationStillIngestsReadableText() {
        server.route("/cafe", server.resource("wrong-charset.xml", "application/rss+xml"));
        polling.poll(feed("cafe", "/cafe"));
        assertThat(sink.received).extracting(ParsedArticle::title).containsExactly("Café prices soar in São Paulo");
    }

    @Test
    void pagesAreIngestedOnRequestAndOnTheirSchedule() {
        server.route("/ferry", server.resource("page.html", "text/html"))
                .route("/feed.xml", server.resource("atom.xml", "application/xml"))
                .route("/data.json", exchange -> FeedServer.send(exchange, 200, "application/json", "{}".getBytes()));
        PageService pages = polling.pages();
        PageService.Result result = pages.ingest(server.url("/ferry"));
        assertThat(result.count(IngestOutcome.Status.ADDED)).isEqualTo(1);
        assertThat(result.title()).isEqualTo("Ferry operator orders electric ships");
        assertThat(result.summary()).isEqualTo("Page \u201cFerry operator orders electric ships\u201d: 1 added "
                + "(too short to compare (18 words < 25): only exact duplicates join its story)");
        assertThat(pages.ingest(server.url("/ferry")).summary()).endsWith(": 1 unchanged");
        assertThat(sink.store.find(server.url("/ferry")).orElseThrow().source()).isEqualTo("127.0.0.1");

        PageService.Result feed = pages.ingest(server.url("/feed.xml"));
        assertThat(feed.summary()).isEqualTo("Feed \u201cSolar Notes\u201d: 2 added");
        assertThat(pages.ingest(server.url("/feed.xml")).summary()).isEqualTo("Feed \u201cSolar Notes\u201d: 2 unchanged");
        assertThat(sink.store.count()).isEqualTo(3);

        assertThatThrownBy(() -> pages.ingest("not a url")).hasMessage("ingest: 'not a url' is not an http(s) URL");
        assertThatThrownBy(() -> pages.ingest(server.url("/nowhere")))
                .hasMessageStartingWith(server.url("/nowhere") + ": HTTP 404");
        assertThat(pages.ingestAndDescribe(server.url("/nowhere")))
                .isEqualTo("Could not ingest " + server.url("/nowhere") + ": HTTP 404 Not Found");
        assertThatThrownBy(() -> pages.ingest(server.url("/data.json")))
                .hasMessage(server.url("/data.json") + ": not a web page (Content-Type application/json)");

        PageSource configured = new PageSource("ferry", server.url("/ferry"), Duration.ofDays(1));
        assertThat(polling.poll(configured).newItems()).isEqualTo(1);
        assertThat(polling.poll(configured).status()).isEqualTo(PollReport.Status.NOT_MODIFIED);
        assertThat(state("ferry").itemsSeen()).isEqualTo(1);
    }

    @Test
    void foldersIngestNewAndChangedFilesOnly() throws Exception {
        Path inbox = java.nio.file.Files.createDirectories(dir.resolve("inbox"));
        Path a = inbox.resolve("a.txt");
        java.nio.file.Files.writeString(a, "Harbour cranes arrive\n\nFour new container cranes arrived at the harbour "
                + "on Monday and will start work next month, the port authority said.");
        java.nio.file.Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(
                clock.instant().minusSeconds(60)));
        FolderSource folder = new FolderSource("inbox", inbox, Duration.ofMinutes(1));
        assertThat(polling.poll(folder).ingested()).isEqualTo(1);
        assertThat(polling.poll(folder).newItems()).isZero();
        java.nio.file.Files.writeString(a, "Harbour cranes arrive\n\nTwo giant ship-to-shore cranes reached the "
                + "harbour by barge today, completing a delivery that began in January with four smaller ones.");
        java.nio.file.Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(
                clock.instant().minusSeconds(30)));
        PollReport changed = polling.poll(folder);
        assertThat(changed.newItems()).isEqualTo(1);
        assertThat(changed.ingested()).isEqualTo(1);
        assertThat(sink.store.latest(10)).extracting(Article::body).anyMatch(b -> b.contains("ship-to-shore"));
        assertThat(state("inbox").itemsSeen()).isEqualTo(2);
        PollReport missing = polling.poll(new FolderSource("gone", dir.resolve("nope"), Duration.ofMinutes(1)));
        assertThat(missing.error()).endsWith("nope: not a readable folder");
    }

    @Test
    void aFolderFileThePipelineCouldNotStoreIsRetriedNextScan() throws Exception {
        Path inbox = java.nio.file.Files.createDirectories(dir.resolve("inbox"));
        Path a = inbox.resolve("a.txt");
        java.nio.file.Files.writeString(a, "Harbour cranes arrive\n\nFour new container cranes arrived at the harbour "
                + "on Monday and will start work next month, the port authority said.");
        java.nio.file.Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.from(
                clock.instant().minusSeconds(60)));
        // the first delivery fails the way a locked database or a failing alert listener does
        java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean(true);
        ArticleSink flaky = new ArticleSink() {
            @Override
            public IngestOutcome ingest(ParsedArticle article, String origin) {
                return sink.ingest(article, origin);
            }

            @Override
            public dev.newsbrief.ingest.IngestReport ingestAll(List<dev.newsbrief.ingest.ParseOutcome> items) {
                return sink.ingestAll(items);
            }

            @Override
            public dev.newsbrief.ingest.IngestReport ingestFile(Path file) {
                if (failNext.getAndSet(false)) {
                    return new dev.newsbrief.ingest.IngestReport(0, 0, 0, 0, 1, List.of(new dev.newsbrief.ingest
                            .IngestReport.Skipped(file.toString(), "could not store: database is locked")),
                            0, List.of(), 0, Duration.ZERO);
                }
                return sink.ingestFile(file);
            }
        };
        FolderSource folder = new FolderSource("inbox", inbox, Duration.ofMinutes(1));
        try (SourcePolling retrying = new SourcePolling(TestSupport.fastOptions(), db, flaky, clock)) {
            PollReport failed = retrying.poll(folder);
            assertThat(failed.status()).isEqualTo(PollReport.Status.FAILED);
            assertThat(failed.error()).isEqualTo("1 of 1 files could not be ingested: a.txt: could not store: "
                    + "database is locked");
            assertThat(sink.store.count()).isZero();

            PollReport retried = retrying.poll(folder);
            assertThat(retried.status()).isEqualTo(PollReport.Status.OK);
            assertThat(retried.newItems()).as("the file was not remembered").isEqualTo(1);
            assertThat(retried.ingested()).isEqualTo(1);
            assertThat(sink.store.count()).isEqualTo(1);
            assertThat(retrying.poll(folder).newItems()).as("remembered once stored").isZero();
        }
    }
}
