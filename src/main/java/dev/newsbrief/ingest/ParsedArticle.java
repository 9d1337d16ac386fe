package dev.newsbrief.ingest;

import dev.newsbrief.store.Article;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An article as a parser (or a feed) found it, before cleaning and identity.
 *
 * @param id          the identifier the input gave, or null
 * @param title       the headline, or null to take the body's first meaningful line
 * @param body        raw text; paragraphs separated by blank lines, possibly hard-wrapped
 * @param url         canonical link, or null
 * @param source      outlet or feed name, or null
 * @param publishedAt publication time, or null when unknown
 * @param tags        extra fields kept from the input; {@link #DECLARED_LANGUAGE} holds the language
 *                    the input declares (a hint for detection), if any
 */
public record ParsedArticle(String id, String title, String body, String url, String source, Instant publishedAt,
        Map<String, String> tags) {
    /** Tag holding the language tag the input declares: page {@code <html lang>}, feed language, JSON {@code lang}. */
    public static final String DECLARED_LANGUAGE = Article.DECLARED_LANGUAGE_TAG;

    public ParsedArticle {
        Objects.requireNonNull(body, "body");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
