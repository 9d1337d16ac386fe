package dev.newsbrief.stories;

import java.time.Instant;

/**
 * What story matching reads of a stored article.
 *
 * @param title               headline
 * @param body                cleaned text
 * @param duplicateOf         its original when it is a duplicate, else null
 * @param seenAt              publication time, else ingestion time
 * @param sameTextAsOriginal  whether it is a duplicate with exactly its original's normalised text
 */
record StoredArticle(String title, String body, String duplicateOf, Instant seenAt, boolean sameTextAsOriginal) {
}
