package dev.newsbrief.index;

import java.util.List;
import java.util.Objects;

/**
 * One searchable passage of an article: a few whole sentences from one paragraph.
 *
 * @param articleId the article it belongs to
 * @param number    0-based position within the article
 * @param text      the passage text
 * @param sentences where its sentences are in {@code text}: exactly {@link SentenceSplitter#spans(String)}
 *                  of it, worked out once with the passage so the index can keep them
 *                  ({@link PassageSentences})
 */
public record Passage(String articleId, int number, String text, List<SentenceSplitter.Span> sentences) {
    public Passage {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        if (number < 0) {
            throw new IllegalArgumentException("passage number must be >= 0: " + number);
        }
        sentences = List.copyOf(sentences);
    }

    /** A passage whose sentences are split from {@code text} here. */
    public Passage(String articleId, int number, String text) {
        this(articleId, number, text, SentenceSplitter.spans(Objects.requireNonNull(text, "text")));
    }
}
