package dev.newsbrief.brief;

import java.time.Instant;

/**
 * Where a statement in a briefing comes from.
 *
 * @param number    1-based reference number shown to the reader
 * @param articleId the stored article's id
 * @param title     its headline
 * @param source    outlet or feed name, or null
 * @param published publication time, or null when unknown
 * @param url       link to the original, or null
 * @param language  the article's language (ISO 639-1, {@code und} when undetermined), or null when unknown
 */
public record Citation(int number, String articleId, String title, String source, Instant published, String url,
        String language) {

    /** A citation of an article whose language is not known. */
    public Citation(int number, String articleId, String title, String source, Instant published, String url) {
        this(number, articleId, title, source, published, url, null);
    }
}
