package dev.newsbrief.brief;

import java.time.Instant;

/** One retrieved passage with the article fields stored beside it. */
record PassageHit(String articleId, int number, String title, String text, String source, String url,
        Instant published, float score) {
}
