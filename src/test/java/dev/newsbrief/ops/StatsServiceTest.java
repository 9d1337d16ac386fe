package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsServiceTest {
    @TempDir
    Path dir;

    @Test
    void countsEveryTableAndMeasuresTheIndexOnDisk() throws Exception {
        Path index = Files.createDirectories(dir.resolve("index"));
        Files.write(index.resolve("_0.cfs"), new byte[3000]);
        Files.write(index.resolve("segments_1"), new byte[100]);
        try (Database db = Database.open(dir.resolve("newsbrief.db"))) {
            StoreFixture.addArticles(db, "Reuters", 3);
            StoreFixture.addArticles(db, "BBC", 1);
            db.inTransaction(c -> {
                StoreFixture.addChat(c, 1, true);
                StoreFixture.addChat(c, 2, true);
                StoreFixture.addChat(c, 3, false);
                StoreFixture.addSubscription(c, 1, "rates");
                StoreFixture.addSubscription(c, 2, "rates");
                StoreFixture.addSubscription(c, 2, "oil");
                StoreFixture.addDelivery(c, 1, "Reuters-0", "sent", 0);
                StoreFixture.addDelivery(c, 2, "Reuters-0", "pending", 0);
                StoreFixture.addDelivery(c, 2, "Reuters-1", "pending", 0);
                StoreFixture.addFeed(c, "bbc-world", 0, null);
                StoreFixture.addFeed(c, "ap-top", 4, "HTTP 503\nService Unavailable");
                return null;
            });
            Clock clock = Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC);
            Stats s = new StatsService(new OpsQueries(db), () -> 17, index, db.file(), clock).collect();

            assertThat(s.articles()).isEqualTo(4);
            assertThat(s.passages()).isEqualTo(17);
            assertThat(s.articlesBySource()).containsEntry("Reuters", 3L).containsEntry("BBC", 1L);
            assertThat(s.activeChats()).isEqualTo(2);
            assertThat(s.inactiveChats()).isEqualTo(1);
            assertThat(s.subscriptions()).isEqualTo(3);
            assertThat(s.alertsSent()).isEqualTo(1);
            assertThat(s.alertsPending()).isEqualTo(2);
            assertThat(s.failingFeeds()).isEqualTo(1);
            assertThat(s.indexBytes()).isEqualTo(3100);
            assertThat(s.databaseBytes()).isPositive();
            assertThat(s.render()).contains("Articles: 4 (0 duplicates)", "Passages: 17", "Reuters: 3",
                    "Feeds: 2 polled, 1 failing", "ap-top: 4 failures, last: HTTP 503 Service Unavailable",
                    "Chats: 2 active, 1 inactive", "Subscriptions: 3", "Alerts: 1 sent, 2 pending",
                    "Index size: 3.0 KiB");
            assertThat(s.articlesByLanguage()).containsExactly(java.util.Map.entry("?", 4L));
        }
    }

    @Test
    void countsOriginalsPerLanguage(@TempDir Path dir) throws Exception {
        try (Database db = Database.open(dir.resolve("newsbrief.db"))) {
            dev.newsbrief.store.ArticleStore store = new dev.newsbrief.store.ArticleStore(db);
            db.inTransaction(c -> {
                store.upsert(c, StoreFixture.article("de-1", "heise", "Text eins").withLanguage("de"));
                store.upsert(c, StoreFixture.article("de-2", "heise", "Text zwei").withLanguage("de"));
                store.upsert(c, StoreFixture.article("pt-1", "uol", "Texto um").withLanguage("pt"));
                store.upsert(c, StoreFixture.article("x-1", "uol", "42").withLanguage("und"));
                return null;
            });
            Stats s = new StatsService(new OpsQueries(db), () -> 0, dir.resolve("index"), db.file(),
                    Clock.systemUTC()).collect();
            assertThat(s.articlesByLanguage()).containsExactly(java.util.Map.entry("de", 2L),
                    java.util.Map.entry("pt", 1L), java.util.Map.entry("und", 1L));
            assertThat(s.render()).contains("Languages: 3 (de 2, pt 1, und 1)");
        }
    }

    @Test
    void worksOnAReadOnlyConnectionWhileAnotherConnectionWrites() {
        try (Database writer = Database.open(dir.resolve("newsbrief.db"));
                Database reader = Database.openReadOnly(dir.resolve("newsbrief.db"))) {
            StoreFixture.addArticles(writer, "Reuters", 2);
            Stats s = new StatsService(new OpsQueries(reader), () -> 0, dir.resolve("index"), reader.file(),
                    Clock.systemUTC()).collect();
            assertThat(s.articles()).isEqualTo(2);
            assertThat(s.indexBytes()).isZero();
        }
    }
}
