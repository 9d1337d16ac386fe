package dev.newsbrief.index;

import java.util.Objects;

/**
 * One searchable passage of an article: a few whole sentences from one paragraph.
 *
 * @param articleId the article it belongs to
 * @param number    0-based position within the article
 * @param text      the passage text
 */
public record Passage(String articleId, int number, String text) {
    public Passage {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        if (number < 0) {
            throw new IllegalArgumentException("passage number must be >= 0: " + number);
        }
    }
}
