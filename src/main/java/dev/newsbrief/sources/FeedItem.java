package dev.newsbrief.sources;

import java.time.Instant;

/**
 * One entry of a parsed feed.
 *
 * @param key         stable identity within its feed: guid/id, else link, else a hash of title and date
 * @param link        the article's URL, or null
 * @param publishedAt publication (else update) time, or null
 * @param summary     the description/summary as HTML, or null
 * @param content     full content (content:encoded, Atom content) as HTML, or null
 * @param language    the language the feed declares for it (item {@code xml:lang}, else the feed's
 *                    {@code <language>}), or null; a hint only, the text decides
 */
public record FeedItem(String key, String title, String link, Instant publishedAt, String summary, String content,
        String language) {
    /** An item with no declared language. */
    public FeedItem(String key, String title, String link, Instant publishedAt, String summary, String content) {
        this(key, title, link, publishedAt, summary, content, null);
    }

    public boolean hasContent() {
        return content != null && !content.isBlank();
    }
}
