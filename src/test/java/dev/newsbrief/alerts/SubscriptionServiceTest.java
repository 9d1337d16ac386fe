package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsbrief.store.StoreBackend;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class SubscriptionServiceTest {
    @Parameter
    StoreBackend backend;

    private static final Instant NOW = Instant.parse("2025-03-22T10:00:00Z");

    @TempDir
    Path dir;

    private AlertsFixture fixture(int limit) {
        AlertsOptions o = AlertsOptions.DEFAULTS;
        AlertsOptions options = new AlertsOptions(o.instantWindow(), limit, o.previewArticles(), o.pollInterval(),
                o.retryBase(), o.retryMax(), o.maxAttempts(), o.deliveryConcurrency());
        return new AlertsFixture(backend.open(dir, "a.db"), options, new MutableClock(NOW));
    }

    @Test
    void normalisedDuplicatesAreRefusedPolitely() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            assertThat(f.subscriptions.subscribe(1, "private", "Ukraine")).isInstanceOf(SubscribeResult.Subscribed.class);
            SubscribeResult again = f.subscriptions.subscribe(1, "private", "ukraine");
            assertThat(again).isInstanceOf(SubscribeResult.AlreadyFollowing.class);
            assertThat(again.message()).isEqualTo("You already follow ‘Ukraine’.");
            assertThat(f.subscriptions.subscribe(2, "group", "UKRAINE")).isInstanceOf(SubscribeResult.Subscribed.class);
            assertThat(f.topicIndex.size()).as("one distinct topic for two chats").isEqualTo(1);
        }
    }

    @Test
    void limitPerChatIsEnforced() throws Exception {
        try (AlertsFixture f = fixture(2)) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.subscriptions.subscribe(1, "private", "gold");
            SubscribeResult third = f.subscriptions.subscribe(1, "private", "wheat");
            assertThat(third).isEqualTo(new SubscribeResult.LimitReached(2));
            assertThat(f.subscriptions.list(1).topics()).extracting(TopicSubscription::display).containsExactly("oil", "gold");
            assertThat(f.topicIndex.contains(new TopicParser().parse("wheat").key()))
                    .as("a refused topic is not left in the index").isFalse();
        }
    }

    @Test
    void previewCountsRecentArticlesTheTopicWouldHaveMatched() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            f.ingest(AlertsFixture.article("a1", "Oil rises", "OPEC cut output.", NOW));
            f.ingest(AlertsFixture.article("a2", "Gold steady", "Bullion unchanged.", NOW));
            f.ingest(AlertsFixture.article("a3", "Oil falls", "Crude slipped as OPEC met.", NOW));
            SubscribeResult r = f.subscriptions.subscribe(1, "private", "OPEC oil");
            assertThat(r).isEqualTo(new SubscribeResult.Subscribed(new TopicParser().parse("OPEC oil"),
                    new TopicWording(List.of("OPEC", "oil"), List.of()), 2, 3));
            assertThat(r.message()).contains("2 of the 3 latest articles");
            SubscribeResult none = f.subscriptions.subscribe(1, "private", "zinc");
            assertThat(none.message()).contains("None of the 3 latest articles");
        }
    }

    @Test
    void invalidTopicsAreExplained() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            SubscribeResult r = f.subscriptions.subscribe(1, "private", "-sports");
            assertThat(r).isInstanceOf(SubscribeResult.Invalid.class);
            assertThat(r.message()).contains("exclusions alone");
        }
    }

    @Test
    void unsubscribeByTextOrKeyAndTheLastFollowerUnindexes() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            f.subscriptions.subscribe(1, "private", "\"North Korea\" Russia");
            f.subscriptions.subscribe(2, "private", "russia \"north korea\"");
            String key = new TopicParser().parse("Russia \"North Korea\"").key();
            assertThat(f.subscriptions.unsubscribe(1, "RUSSIA \"north korea\"")).contains("\"North Korea\" Russia");
            assertThat(f.topicIndex.contains(key)).isTrue();
            assertThat(f.subscriptions.unsubscribe(2, key)).contains("russia \"north korea\"");
            assertThat(f.topicIndex.contains(key)).isFalse();
            assertThat(f.subscriptions.unsubscribe(2, key)).isEmpty();
        }
    }

    @Test
    void digestModeIsStoredPerChatWithItsZone() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            f.subscriptions.subscribe(1, "private", "oil");
            assertThat(f.subscriptions.list(1).mode()).isEqualTo(new DigestMode.Instant());
            f.subscriptions.setDigest(1, "private", "daily 08:00 Europe/Berlin");
            assertThat(f.subscriptions.list(1).mode())
                    .isEqualTo(new DigestMode.Daily(LocalTime.of(8, 0), ZoneId.of("Europe/Berlin")));
            f.subscriptions.setDigest(1, "private", "daily 07:15");
            assertThat(f.subscriptions.list(1).mode().describe()).isEqualTo("daily at 07:15 (Europe/Berlin)");
            f.subscriptions.setDigest(1, "private", "off");
            assertThat(f.subscriptions.list(1).mode()).isEqualTo(new DigestMode.Off());
            assertThatThrownBy(() -> f.subscriptions.setDigest(1, "private", "hourly"))
                    .isInstanceOf(InvalidDigestException.class);
        }
    }

    @Test
    void topicsAreReloadedFromTheTableOnRestart() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            f.subscriptions.subscribe(1, "private", "oil");
            f.subscriptions.subscribe(2, "private", "Oil");
            f.subscriptions.subscribe(2, "private", "gold -silver");
        }
        try (AlertsFixture f = fixture(25)) {
            assertThat(f.topicIndex.size()).isEqualTo(2);
        }
    }

    @Test
    void concurrentSubscribeAndUnsubscribeLeaveTheIndexMatchingTheTable() throws Exception {
        try (AlertsFixture f = fixture(25)) {
            String key = new TopicParser().parse("tanker").key();
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 150; round++) {
                    // chat 2 follows the topic, so it is indexed; chat 1 joins as chat 2 leaves
                    f.subscriptions.subscribe(2, "private", "tanker");
                    var joining = pool.submit(() -> {
                        start.await();
                        return f.subscriptions.subscribe(1, "private", "tanker");
                    });
                    var leaving = pool.submit(() -> {
                        start.await();
                        return f.subscriptions.unsubscribe(2, "tanker");
                    });
                    assertThat(joining.get()).isInstanceOf(SubscribeResult.Subscribed.class);
                    assertThat(leaving.get()).contains("tanker");
                    assertThat(f.subscriptions.list(1).topics()).extracting(TopicSubscription::key).containsExactly(key);
                    assertThat(f.topicIndex.contains(key)).as("round %d: chat 1 follows the topic", round).isTrue();
                    f.subscriptions.unsubscribe(1, "tanker");
                    assertThat(f.topicIndex.contains(key)).as("round %d: nobody follows the topic", round).isFalse();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aTopicFollowedOnOneInstanceIsMatchedOnAnotherAtItsNextIngest() throws Exception {
        assumeTrue(backend == StoreBackend.POSTGRESQL, "one process owns a SQLite store");
        String store = backend.locate(dir, "shared.db");
        try (AlertsFixture a = new AlertsFixture(StoreBackend.openLocated(store), AlertsOptions.DEFAULTS,
                new MutableClock(NOW));
                AlertsFixture b = new AlertsFixture(StoreBackend.openLocated(store), AlertsOptions.DEFAULTS,
                        new MutableClock(NOW))) {
            assertThat(a.subscriptions.subscribe(7, "private", "cocoa")).isInstanceOf(SubscribeResult.Subscribed.class);
            assertThat(b.matcher.topics().contains("cocoa")).as("b has not caught up yet").isFalse();
            assertThat(b.ingest(AlertsFixture.article("c1", "Cocoa harvest", "Cocoa prices rose.", NOW)))
                    .as("b's ingest transaction saw the newer version and matched the new topic").isEqualTo(1);

            a.subscriptions.unsubscribe(7, "cocoa");
            assertThat(b.ingest(AlertsFixture.article("c2", "Cocoa again", "Cocoa prices fell.", NOW)))
                    .isZero();
            assertThat(b.matcher.topics().contains("cocoa")).isFalse();
        }
    }
}
