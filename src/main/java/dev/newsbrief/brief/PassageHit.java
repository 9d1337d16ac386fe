package dev.newsbrief.brief;

import dev.newsbrief.index.PassageSentences;
import java.time.Instant;

/**
 * One retrieved passage with the article fields stored beside it; {@code language} is its
 * article's ({@code en} or {@code und} for the plain English fields), which its text is analysed in;
 * {@code sentences} are its sentences and tokens as the index recorded them, null when it did not
 * ({@link SentenceTerms#of}).
 */
record PassageHit(String articleId, int number, String title, String text, String source, String url,
        Instant published, float score, String language, PassageSentences sentences) {

    PassageHit(String articleId, int number, String title, String text, String source, String url,
            Instant published, float score) {
        this(articleId, number, title, text, source, url, published, score, null, null);
    }
}
