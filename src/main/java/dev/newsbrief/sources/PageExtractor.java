package dev.newsbrief.sources;

import java.util.Optional;
import org.jsoup.nodes.Document;

/** Finds the article text in an HTML page (the ingest package's extractor); empty when there is none. */
@FunctionalInterface
public interface PageExtractor {
    Optional<ExtractedPage> extract(Document page);
}
