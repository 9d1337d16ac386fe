package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.IngestProgress;
import dev.newsbrief.ingest.ParseOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import java.nio.file.Path;
import java.util.List;

/**
 * Where sources deliver articles: the ingestion pipeline (clean, dedupe, store, index, alerts).
 * {@link #of(Ingester)} is the production sink; the port lets tests watch what sources deliver.
 */
public interface ArticleSink {
    /** Ingests one article in its own transaction; it is searchable when this returns. */
    IngestOutcome ingest(ParsedArticle article, String origin);

    /**
     * Ingests a batch (a poll's new feed items) and makes it searchable once at the end, which is
     * far cheaper than one index commit per article; skipped items carry their origin and reason.
     */
    IngestReport ingestAll(List<ParseOutcome> items);

    /** Ingests every article in one file of a watched folder. */
    IngestReport ingestFile(Path file);

    /**
     * The ingester as a sink. Calls are serialised: the poller's threads, {@code /ingest} and the
     * CLI may deliver at once, and one writer at a time is what SQLite allows anyway.
     */
    static ArticleSink of(Ingester ingester) {
        return new ArticleSink() {
            @Override
            public synchronized IngestOutcome ingest(ParsedArticle article, String origin) {
                return ingester.ingest(article, origin);
            }

            @Override
            public synchronized IngestReport ingestAll(List<ParseOutcome> items) {
                return ingester.ingestAll(items);
            }

            @Override
            public synchronized IngestReport ingestFile(Path file) {
                return ingester.ingest(List.of(file), IngestProgress.NONE);
            }
        };
    }
}
