package dev.newsbrief.sources;

import dev.newsbrief.ingest.ParsedArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed item into an article for ingestion: its full content when the feed carries it,
 * else the linked page's article when the summary is short, else the summary. The link is the
 * article's identity; an item without a link is identified by its feed and item key.
 */
final class FeedItemArticles {
    private static final Logger log = LoggerFactory.getLogger(FeedItemArticles.class);

    private final PageReader pages;
    private final int fullTextBelow;

    FeedItemArticles(PageReader pages, int fullTextBelow) {
        this.pages = pages;
        this.fullTextBelow = fullTextBelow;
    }

    ParsedArticle article(String feedName, FeedItem item) {
        String content = HtmlText.of(item.content());
        String summary = HtmlText.of(item.summary());
        String title = item.title();
        String body = content.isEmpty() ? summary : content;
        Instant published = item.publishedAt();
        if (content.isEmpty() && summary.length() < fullTextBelow && isHttp(item.link())) {
            try {
                ParsedArticle page = pages.read(item.link(), Validators.NONE).page().orElseThrow();
                body = page.body();
                title = title.isBlank() && page.title() != null ? page.title() : title;
                published = published == null ? page.publishedAt() : published;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                log.debug("feed {}: full text of {} unavailable, keeping the summary: {}", feedName, item.link(),
                        e.getMessage());
            }
        }
        Map<String, String> tags = new HashMap<>();
        tags.put("feed", feedName);
        tags.put("feed_item", item.key());
        if (item.language() != null) {
            tags.put(ParsedArticle.DECLARED_LANGUAGE, item.language());
        }
        String id = item.link() == null ? "feed:" + feedName + ":" + item.key() : null;
        return new ParsedArticle(id, title.isBlank() ? null : title, body, item.link(), feedName, published, tags);
    }

    private static boolean isHttp(String link) {
        return link != null && (link.startsWith("http://") || link.startsWith("https://"));
    }
}
