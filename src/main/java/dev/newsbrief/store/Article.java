package dev.newsbrief.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A clean article as stored in SQLite, the source document that the passage index is derived from.
 *
 * @param id          stable identity: the given id, else the canonical URL, else a content hash
 * @param url         canonical link, or null
 * @param title       cleaned headline
 * @param source      outlet or feed name, or null
 * @param publishedAt publication time, or null when unknown
 * @param ingestedAt  first time newsbrief stored it
 * @param updatedAt   last time its content changed
 * @param body        cleaned text, paragraphs separated by one blank line
 * @param contentHash hash of the normalised text (exact duplicates share it)
 * @param duplicateOf id of the original when this is a duplicate, else null; duplicates are not indexed
 * @param tags        extra fields kept from the input (topics, places, ...)
 * @param language    ISO 639-1 code detected at ingest, {@code und} when undetermined, null when
 *                    not detected yet (stored before languages were detected)
 */
public record Article(
        String id,
        String url,
        String title,
        String source,
        Instant publishedAt,
        Instant ingestedAt,
        Instant updatedAt,
        String body,
        String contentHash,
        String duplicateOf,
        Map<String, String> tags,
        String language) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** The tag holding the language the input declared (page, feed, JSON {@code lang}): a hint for detection. */
    public static final String DECLARED_LANGUAGE_TAG = "lang";

    /** An article whose language is not known yet (see {@link #withLanguage}). */
    public Article(String id, String url, String title, String source, Instant publishedAt, Instant ingestedAt,
            Instant updatedAt, String body, String contentHash, String duplicateOf, Map<String, String> tags) {
        this(id, url, title, source, publishedAt, ingestedAt, updatedAt, body, contentHash, duplicateOf, tags, null);
    }

    /** The same article in {@code language}. */
    public Article withLanguage(String language) {
        return new Article(id, url, title, source, publishedAt, ingestedAt, updatedAt, body, contentHash,
                duplicateOf, tags, language);
    }

    public boolean isDuplicate() {
        return duplicateOf != null;
    }

    /** The same article marked as a duplicate of {@code originalId}. */
    public Article asDuplicateOf(String originalId) {
        return new Article(id, url, title, source, publishedAt, ingestedAt, updatedAt, body, contentHash,
                originalId, tags, language);
    }
}
