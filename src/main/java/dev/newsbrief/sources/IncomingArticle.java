package dev.newsbrief.sources;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An article a source found, handed to the ingestion pipeline (it mirrors the ingest package's
 * parsed-article shape: plain text body, identity decided downstream).
 *
 * @param id          an identifier to use when there is no link, else null (the URL is the identity)
 * @param body        plain text, paragraphs separated by blank lines
 * @param source      the configured source name
 * @param tags        extra fields, such as the feed item key
 */
public record IncomingArticle(String id, String title, String body, String url, String source, Instant publishedAt,
        Map<String, String> tags) {
    public IncomingArticle {
        Objects.requireNonNull(body, "body");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
