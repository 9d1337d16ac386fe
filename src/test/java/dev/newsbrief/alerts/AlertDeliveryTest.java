package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsbrief.telegram.AlertHtml;
import dev.newsbrief.store.StoreBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class AlertDeliveryTest {
    @Parameter
    StoreBackend backend;

    private static final Instant T0 = Instant.parse("2025-03-22T10:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    private AlertsFixture fixture() {
        return new AlertsFixture(backend.open(dir, "a.db"), AlertsOptions.DEFAULTS, clock);
    }

    @Test
    void instantMatchesWithinTheWindowGoOutAsOneMessageAndNeverTwice() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.subscriptions.subscribe(2, "private", "OPEC oil");
            f.subscriptions.subscribe(2, "private", "Oil");
            assertThat(f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC cut output.", T0))).isEqualTo(2);
            clock.advance(Duration.ofSeconds(10));
            assertThat(f.ingest(AlertsFixture.article("a2", "Oil falls", "Crude slipped.", T0))).isEqualTo(2);

            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            DeliveryWorker worker = f.worker(sink);
            clock.advance(Duration.ofSeconds(19));
            assertThat(worker.runOnce()).as("the window opened at a1 has not closed").isZero();
            clock.advance(Duration.ofSeconds(2));
            assertThat(worker.runOnce()).isEqualTo(2);
            assertThat(sink.messages).extracting(AlertMessage::kind)
                    .containsExactly(AlertMessage.Kind.BUNDLE, AlertMessage.Kind.BUNDLE);
            assertThat(sink.articleIds()).containsExactlyInAnyOrder("a1", "a2", "a1", "a2");
            // chat 2 follows two matching topics: each article once, under its first topic
            AlertMessage chat2 = sink.messages.stream().filter(m -> m.chatId() == 2).findFirst().orElseThrow();
            assertThat(chat2.itemCount()).isEqualTo(2);

            clock.advance(Duration.ofMinutes(5));
            assertThat(worker.runOnce()).isZero();
            // re-ingesting the same article queues nothing new
            assertThat(f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC cut output.", T0))).isZero();
            clock.advance(Duration.ofMinutes(5));
            assertThat(worker.runOnce()).isZero();
            assertThat(f.deliveries.count(null, "sent")).isEqualTo(4);
        }
    }

    private static final String WIRE = "OPEC ministers agreed on Thursday to cut oil output by 1.2 million barrels "
            + "a day from January, the cartel said after a meeting in Vienna, sending crude prices up 4 percent "
            + "as traders bet on a tighter market through the winter months.\n\n"
            + "Saudi Arabia will take the largest share of the cut, officials said.";

    @Test
    void theSameStoryFromAnotherOutletIsNotAlertedAgainButAnotherOilStoryIs() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            assertThat(f.ingest(AlertsFixture.article("wire", "OPEC agrees oil output cut", WIRE, T0))).isEqualTo(1);
            String rewrite = "Vienna: " + WIRE.replace("agreed on Thursday", "decided on Thursday")
                    .replace("sending crude prices up", "lifting crude prices")
                    .replace("\n\nSaudi Arabia will take the largest share of the cut, officials said.", "");
            assertThat(f.ingest(AlertsFixture.article("paper", "Cartel to pump less oil", rewrite, T0.plusSeconds(3600))))
                    .as("a rewrite of the same story").isZero();
            String other = "Oil prices fell 2 percent on Monday after U.S. inventories rose for a third week, "
                    + "government data showed, while refiners in Texas reported weaker demand for gasoline "
                    + "ahead of the holiday season and analysts cut their forecasts for the quarter.";
            assertThat(f.ingest(AlertsFixture.article("other", "Oil slips on stocks", other, T0.plusSeconds(7200))))
                    .as("another oil story").isEqualTo(1);
        }
    }

    @Test
    void aSubstantialUpdateOfTheStoryAlertsAgainAndOnlyOnce() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            assertThat(f.ingest(AlertsFixture.article("wire", "OPEC agrees oil output cut", WIRE, T0))).isEqualTo(1);
            String news = "\n\nLater on Friday Russia said it would join the cut with 300,000 barrels a day of its "
                    + "own, Kazakhstan and Mexico pledged smaller reductions, and Brent futures in London jumped to "
                    + "their highest level in seven months as hedge funds rushed to cover short positions before the "
                    + "weekend, dealers said.\n\nThe White House criticised the decision and said it would release "
                    + "crude from the strategic reserve if prices kept rising into the winter heating season.";
            assertThat(f.ingest(AlertsFixture.article("update", "Russia joins OPEC cut", WIRE + news,
                    T0.plusSeconds(7200)))).as("a substantial update").isEqualTo(1);
            assertThat(f.ingest(AlertsFixture.article("update-copy", "Russia to join cartel cut", (WIRE + news)
                    .replace("jumped to", "climbed to"), T0.plusSeconds(9000)))).as("a rewrite of the update").isZero();
        }
    }

    @Test
    void pausedChatsGetNothingQueued() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            f.subscriptions.setDigest(1, "private", "off");
            assertThat(f.deliveries.count(1L, "pending")).isZero();
            assertThat(f.ingest(AlertsFixture.article("a2", "Oil again", "OPEC.", T0))).isZero();
        }
    }

    @Test
    void failuresAreRetriedWithBackoffAndSentOnlyOnAcceptance() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            sink.next = new DeliveryOutcome.Failed("HTTP 502");
            DeliveryWorker worker = f.worker(sink);
            clock.advance(Duration.ofSeconds(30));
            assertThat(worker.runOnce()).isZero();
            assertThat(f.deliveries.count(1L, "pending")).isEqualTo(1);
            clock.advance(Duration.ofSeconds(29));
            worker.runOnce();
            assertThat(sink.messages).as("not retried before the backoff").hasSize(1);
            clock.advance(Duration.ofSeconds(1));
            worker.runOnce();
            assertThat(sink.messages).as("second attempt after 30s").hasSize(2);
            clock.advance(Duration.ofSeconds(59));
            worker.runOnce();
            assertThat(sink.messages).as("third attempt waits 60s").hasSize(2);
            sink.next = new DeliveryOutcome.Accepted();
            clock.advance(Duration.ofSeconds(1));
            assertThat(worker.runOnce()).isEqualTo(1);
            assertThat(f.deliveries.count(1L, "sent")).isEqualTo(1);
        }
    }

    @Test
    void aPermanentRefusalMarksTheAlertFailedWithItsReasonAndIsNeverRetried() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            sink.next = new DeliveryOutcome.Rejected("400 Bad Request: can't parse entities");
            DeliveryWorker worker = f.worker(sink);
            clock.advance(Duration.ofSeconds(31));
            assertThat(worker.runOnce()).isZero();
            assertThat(f.deliveries.count(1L, "failed")).isEqualTo(1);
            assertThat(f.deliveries.count(1L, "pending")).isZero();
            sink.next = new DeliveryOutcome.Accepted();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofHours(1));
                worker.runOnce();
            }
            assertThat(sink.messages).as("sent once, never retried").hasSize(1);
            String row = f.db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT last_error, attempts FROM deliveries")) {
                    rs.next();
                    return rs.getString(1) + " / " + rs.getInt(2);
                }
            });
            assertThat(row).isEqualTo("400 Bad Request: can't parse entities / 1");
        }
    }

    @Test
    void aBlockedChatIsDeactivatedAndItsPendingAlertsDropped() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.subscriptions.setDigest(1, "private", "daily 08:00 Europe/Berlin");
            f.subscriptions.subscribe(2, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            sink.next = new DeliveryOutcome.Blocked("Forbidden: bot was blocked by the user");
            clock.advance(Duration.ofSeconds(31));
            f.worker(sink).runOnce();
            assertThat(sink.messages).extracting(AlertMessage::chatId).containsExactly(2L);
            assertThat(f.deliveries.count(2L, "dropped")).isEqualTo(1);
            assertThat(f.deliveries.count(1L, "pending")).as("other chats are untouched").isEqualTo(1);
            assertThat(f.ingest(AlertsFixture.article("a2", "Oil again", "OPEC.", T0)))
                    .as("only the active chat").isEqualTo(1);
        }
    }

    @Test
    void unsubscribingDropsPendingAlertsOfThatTopic() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            f.subscriptions.unsubscribe(1, "Oil");
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            clock.advance(Duration.ofMinutes(1));
            f.worker(sink).runOnce();
            assertThat(sink.messages).isEmpty();
            assertThat(f.deliveries.count(1L, "dropped")).isEqualTo(1);
        }
    }

    @Test
    void aSinkThatThrowsCountsAsARetryableFailure() throws Exception {
        try (AlertsFixture f = fixture()) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            clock.advance(Duration.ofMinutes(1));
            f.worker(m -> {
                throw new IllegalStateException("connection reset");
            }).runOnce();
            assertThat(f.deliveries.count(1L, "pending")).isEqualTo(1);
        }
    }

    @Test
    void differentChatsAreSentToConcurrentlyEachOnceAndOnlyOneSendPerChatAtATime() throws Exception {
        try (AlertsFixture f = new AlertsFixture(backend.open(dir, "a.db"), AlertsOptions.DEFAULTS.withDeliveryConcurrency(4),
                clock)) {
            for (long chat = 1; chat <= 24; chat++) {
                f.subscriptions.subscribe(chat, "private", "oil");
            }
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            clock.advance(Duration.ofMinutes(1));
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            Set<Long> busyChats = ConcurrentHashMap.newKeySet();
            List<Long> overlapping = new CopyOnWriteArrayList<>();
            Map<Long, Integer> perChat = new ConcurrentHashMap<>();
            CountDownLatch fourStarted = new CountDownLatch(4);
            DeliveryWorker worker = f.worker(m -> {
                if (!busyChats.add(m.chatId())) {
                    overlapping.add(m.chatId());
                }
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                fourStarted.countDown();
                try {
                    // a round trip; the first four wait for each other, which only concurrent sends can do
                    fourStarted.await(10, TimeUnit.SECONDS);
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                busyChats.remove(m.chatId());
                perChat.merge(m.chatId(), 1, Integer::sum);
                return new DeliveryOutcome.Accepted();
            });
            assertThat(worker.runOnce()).isEqualTo(24);
            assertThat(mostAtOnce.get()).isEqualTo(4);
            assertThat(overlapping).isEmpty();
            assertThat(perChat).hasSize(24).allSatisfy((chat, n) -> assertThat(n).isOne());
            assertThat(f.deliveries.count(null, "sent")).isEqualTo(24);
            assertThat(f.deliveries.count(null, "pending")).isZero();
            assertThat(worker.runOnce()).isZero();
        }
    }

    @Test
    void concurrentSendsKeepFailureAndBlockHandlingPerChat() throws Exception {
        try (AlertsFixture f = fixture()) {
            for (long chat = 1; chat <= 30; chat++) {
                f.subscriptions.subscribe(chat, "private", "oil");
            }
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC.", T0));
            clock.advance(Duration.ofMinutes(1));
            AlertsFixture.RecordingSink record = new AlertsFixture.RecordingSink();
            DeliveryWorker worker = f.worker(m -> {
                record.send(m);
                return switch ((int) (m.chatId() % 3)) {
                    case 0 -> new DeliveryOutcome.Accepted();
                    case 1 -> new DeliveryOutcome.Failed("HTTP 502");
                    default -> new DeliveryOutcome.Blocked("403");
                };
            });
            assertThat(worker.runOnce()).isEqualTo(10);
            assertThat(record.messages).as("a failed chat is not retried within the pass").hasSize(30);
            assertThat(f.deliveries.count(null, "sent")).isEqualTo(10);
            assertThat(f.deliveries.count(null, "pending")).isEqualTo(10);
            assertThat(f.deliveries.count(null, "dropped")).isEqualTo(10);
        }
    }

    private static String distinctWords(int seed) {
        String[] words = {"harbour", "copper", "ministers", "rainfall", "tariffs", "bonds", "wheat", "pipeline",
            "strike", "merger", "refinery", "airline", "shipyard", "vaccine", "satellite", "railway", "election",
            "drought", "factory", "currency", "traders", "quickly", "sentence", "message", "exports", "lenders",
            "farmers", "courts", "bankers", "shares", "profits", "losses", "orders", "prices", "ports", "talks",
            "unions", "regulators", "investors", "analysts"};
        java.util.Random rnd = new java.util.Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(words[rnd.nextInt(words.length)]).append(i % 4 == 3 ? ". " : " ");
        }
        return sb.toString();
    }

    /** Chat 1 follows oil and gold; {@code n} different stories (each its own wording, so none is another's copy) arrive. */
    private static void oilAndGoldStories(AlertsFixture f, int n) {
        f.subscriptions.subscribe(1, "private", "oil");
        f.subscriptions.subscribe(1, "private", "gold");
        for (int i = 0; i < n; i++) {
            String topic = i % 2 == 0 ? "Oil" : "Gold";
            f.ingest(AlertsFixture.article("a" + i, topic + " story " + i, topic + " moved on day " + i + ". "
                    + distinctWords(i), T0.minusSeconds(i)));
        }
    }

    @Test
    void theMoreButtonOfAnOverflowingBundleShowsTheRestPageByPage() throws Exception {
        try (AlertsFixture f = fixture()) {
            oilAndGoldStories(f, 80);
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            clock.advance(Duration.ofMinutes(1));
            assertThat(f.worker(sink).runOnce()).isEqualTo(1);
            AlertMessage first = sink.messages.get(0);
            assertThat(first.moreCount()).isPositive();
            Set<String> shown = new HashSet<>(sink.articleIds());
            AlertPages pages = new AlertPages(f.deliveries, AlertHtml::fits);
            AlertMessage m = first;
            while (m.moreCount() > 0) {
                AlertButton more = m.buttons().get(m.buttons().size() - 1);
                assertThat(more.label()).isEqualTo("+" + m.moreCount() + " more");
                assertThat(pages.next(2, more.argument())).as("another chat's batch is not found").isEmpty();
                AlertMessage next = pages.next(1, more.argument()).orElseThrow();
                assertThat(AlertHtml.render(next).length()).isLessThanOrEqualTo(AlertHtml.MAX_CHARS);
                next.sections().forEach(sec -> sec.items().forEach(it -> assertThat(shown.add(it.articleId()))
                        .as("no repeats: " + it.articleId()).isTrue()));
                m = next;
            }
            assertThat(shown).hasSize(80);
            assertThat(f.deliveries.batch(1, first.buttons().get(first.buttons().size() - 1).argument())).hasSize(80);
            assertThat(pages.next(1, "not a page")).isEmpty();
        }
    }

    @Test
    void theMoreButtonOfABundleThatWasSentAgainWorksOnBothCopies() throws Exception {
        try (AlertsFixture f = fixture()) {
            oilAndGoldStories(f, 40);
            // the bundle reaches the chat, but its answer is lost (or the process is killed before
            // the rows are marked sent): the rows stay due and the bundle goes out again later
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            sink.next = new DeliveryOutcome.Failed("no answer");
            clock.advance(Duration.ofMinutes(1));
            DeliveryWorker worker = f.worker(sink);
            assertThat(worker.runOnce()).isZero();
            sink.next = new DeliveryOutcome.Accepted();
            clock.advance(Duration.ofMinutes(5));
            assertThat(worker.runOnce()).isEqualTo(1);
            assertThat(sink.messages).hasSize(2);
            AlertPages pages = new AlertPages(f.deliveries, AlertHtml::fits);
            for (AlertMessage copy : sink.messages) {
                assertThat(copy.moreCount()).isPositive();
                String argument = copy.buttons().get(copy.buttons().size() - 1).argument();
                AlertMessage next = pages.next(1, argument).orElseThrow();
                assertThat(next.sections()).isNotEmpty();
                Set<String> shown = new HashSet<>();
                copy.sections().forEach(sec -> sec.items().forEach(it -> shown.add(it.articleId())));
                next.sections().forEach(sec -> sec.items().forEach(it -> assertThat(shown.add(it.articleId()))
                        .as("the page continues the message: " + it.articleId()).isTrue()));
                assertThat(f.deliveries.batch(1, argument)).hasSize(40);
                assertThat(pages.next(2, argument)).as("another chat's batch is not found").isEmpty();
            }
        }
    }

    @Test
    void twoInstancesSendingAtOnceNeverSendToAChatTwice() throws Exception {
        assumeTrue(backend == StoreBackend.POSTGRESQL, "one process owns a SQLite store");
        String store = backend.locate(dir, "shared.db");
        AlertsOptions options = AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO).withDeliveryConcurrency(4);
        try (AlertsFixture one = new AlertsFixture(StoreBackend.openLocated(store), options, clock);
                AlertsFixture two = new AlertsFixture(StoreBackend.openLocated(store), options, clock)) {
            for (long chat = 1; chat <= 40; chat++) {
                one.subscriptions.subscribe(chat, "private", "oil");
            }
            two.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC cut output.", T0));
            Map<Long, AtomicInteger> perChat = new ConcurrentHashMap<>();
            AlertSink slow = message -> {
                perChat.computeIfAbsent(message.chatId(), k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DeliveryOutcome.Accepted();
            };
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> one.worker(slow).runOnce());
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> two.worker(slow).runOnce());
            int sent = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
            assertThat(sent).isEqualTo(40);
            assertThat(perChat).hasSize(40);
            assertThat(perChat.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(one.deliveries.count(null, "sent")).isEqualTo(40);
        }
    }
}
