package dev.newsbrief.sources;

import java.nio.file.Path;
import java.util.List;

/**
 * Where sources deliver articles: the ingestion pipeline (clean, dedupe, index, alerts). Sources
 * depend only on this port, so polling is testable against a real store without the whole app.
 */
public interface ArticleSink {
    /** What became of one article. */
    enum Outcome { ADDED, UPDATED, UNCHANGED, DUPLICATE, SKIPPED }

    /** @param articleId the stored article's id, or null when skipped */
    record Ingested(Outcome outcome, String articleId) {}

    /** Ingests one article in its own transaction. */
    Ingested ingest(IncomingArticle article);

    /** Ingests every article in a file of a watched folder, attributing them to {@code source}. */
    List<Ingested> ingestFile(Path file, String source);
}
