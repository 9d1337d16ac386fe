package dev.newsbrief.alerts;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The process {@link StoryCrashIT} kills: it ingests one article through the real ingester with
 * the alerts listener, says so in a marker file, and waits to be killed. Arguments: database,
 * index directory, marker file, article id, source, headline, body, publication time.
 */
public final class StoryCrashChild {
    private StoryCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]));
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(Path.of(args[1])),
                        PassageIndex.Options.DEFAULTS);
                Alerts alerts = Alerts.open(db, AlertsOptions.DEFAULTS.withInstantWindow(java.time.Duration.ZERO),
                        Clock.systemUTC(),
                        Alerts.documentFrequencyIn(index))) {
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            ingester.addListener(alerts.queue()::onNewArticle);
            IngestOutcome outcome = ingester.ingest(new ParsedArticle(args[3], args[5], args[6],
                    "https://" + args[4] + ".example/" + args[3], args[4], Instant.parse(args[7]), null), args[3]);
            Files.writeString(Path.of(args[2]), outcome.status() + " " + outcome.reason());
            Thread.sleep(Long.MAX_VALUE); // killed here with SIGKILL: no shutdown hooks, nothing closed
        }
    }
}
