package dev.newsbrief.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Of several instances sharing a PostgreSQL store, one polls a due source. */
class FeedClaimTest {
    @TempDir
    Path dir;

    @Test
    void aSourceBeingPolledOrJustPolledIsSkippedByTheOtherInstance() throws Exception {
        String store = StoreBackend.POSTGRESQL.locate(dir, "feeds");
        Instant now = Instant.parse("2025-03-10T10:00:00Z");
        try (Database one = StoreBackend.openLocated(store); Database two = StoreBackend.openLocated(store)) {
            FeedStateStore a = new FeedStateStore(one);
            FeedStateStore b = new FeedStateStore(two);
            CountDownLatch polling = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> a.withPollClaim("wire",
                    "news.example", Duration.ZERO, now, () -> {
                        polling.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return a.recordSuccess("wire", "https://news.example/rss", Validators.NONE, now,
                                now.plus(Duration.ofMinutes(10)));
                    }).orElse(null));
            assertThat(polling.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(b.withPollClaim("wire", "news.example", Duration.ZERO, now, () -> "polled twice"))
                    .as("the source is being polled by the other instance").isEmpty();
            assertThat(b.withPollClaim("other", "elsewhere.example", Duration.ZERO, now, () -> "polled"))
                    .as("another source on another host goes ahead").contains("polled");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(b.withPollClaim("wire", "news.example", Duration.ZERO, now.plusSeconds(1), () -> "again"))
                    .as("just polled: not due again before its next_poll_at").isEmpty();
            assertThat(b.withPollClaim("wire", "news.example", Duration.ZERO, now.plus(Duration.ofMinutes(10)),
                    () -> "due")).contains("due");
        }
    }
}
