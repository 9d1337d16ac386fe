package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real ingester: alerts are queued in the article's transaction, delivered once, and
 * neither a restart nor re-ingesting the same items (nor a copy from another outlet) sends more.
 */
class IngestRestartIT {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-22T10:00:00Z"));
    private final AlertsOptions options = AlertsOptions.DEFAULTS.withInstantWindow(Duration.ofSeconds(2));

    private record Run(int accepted, List<AlertMessage> messages, long pending) {}

    private Run ingestAndDeliver(List<Path> files) throws Exception {
        try (Database db = Database.open(dir.resolve("nb.db"));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("index")),
                        PassageIndex.Options.DEFAULTS);
                Alerts alerts = Alerts.open(db, options, clock, Alerts.documentFrequencyIn(index))) {
            if (alerts.subscriptions().list(1).topics().isEmpty()) {
                alerts.subscriptions().subscribe(1, "private", "\"North Korea\" Russia -sports");
                alerts.subscriptions().subscribe(2, "group", "opec");
            }
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, clock);
            ingester.addListener(alerts.queue()::onNewArticle);
            ingester.ingest(files, IngestProgress.NONE);
            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            clock.advance(Duration.ofSeconds(3));
            int accepted = alerts.worker(sink).runOnce();
            return new Run(accepted, sink.messages, alerts.deliveries().count(null, "pending"));
        }
    }

    @Test
    void restartAndReingestSendNothingNew() throws Exception {
        Path feed = dir.resolve("feed.jsonl");
        Files.writeString(feed, String.join("\n",
                "{\"id\":\"w1\",\"title\":\"North Korea and Russia sign a pact\",\"source\":\"Wire\","
                        + "\"url\":\"https://wire.example/w1\",\"published\":\"2025-03-22T09:00:00Z\","
                        + "\"body\":\"Leaders of North Korea and Russia signed a defence pact in Pyongyang on Friday, "
                        + "officials said. The agreement covers military cooperation and trade between the two "
                        + "countries, and follows months of talks between their foreign ministers.\"}",
                "{\"id\":\"w2\",\"title\":\"North Korea beat Russia\",\"source\":\"Wire\","
                        + "\"body\":\"North Korea beat Russia 2-1 in a sports friendly on Friday.\"}",
                "{\"id\":\"w3\",\"title\":\"OPEC meets\",\"source\":\"Wire\","
                        + "\"body\":\"OPEC ministers meet in Vienna next week to discuss output quotas.\"}") + "\n");

        Run first = ingestAndDeliver(List.of(feed));
        assertThat(first.accepted()).isEqualTo(2);
        assertThat(first.messages()).hasSize(2);
        assertThat(first.messages()).flatExtracting(m -> m.sections().stream()
                .flatMap(s -> s.items().stream()).map(AlertItem::articleId).toList()).containsExactlyInAnyOrder("w1", "w3");
        AlertMessage pact = first.messages().stream().filter(m -> m.chatId() == 1).findFirst().orElseThrow();
        assertThat(pact.sections().get(0).items().get(0).brief()).contains("North Korea and Russia signed");

        Run restarted = ingestAndDeliver(List.of(feed));
        assertThat(restarted.accepted()).isZero();
        assertThat(restarted.pending()).isZero();

        Path copy = dir.resolve("other-outlet.jsonl");
        Files.writeString(copy, "{\"id\":\"p1\",\"title\":\"Russia and North Korea sign pact\",\"source\":\"Paper\","
                + "\"body\":\"Leaders of North Korea and Russia signed a defence pact in Pyongyang on Friday, "
                + "officials said. The agreement covers military cooperation and trade between the two "
                + "countries, and follows months of talks between their foreign ministers.\"}\n");
        Run sameStory = ingestAndDeliver(List.of(copy));
        assertThat(sameStory.accepted()).as("a near-duplicate from another outlet is not alerted again").isZero();
    }
}
