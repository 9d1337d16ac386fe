package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: conditional GET, parse, and for each item the feed has not delivered before,
 * keyword filter → full text when only a short summary came → ingest → remember its key. A poll in
 * which any new item could not be ingested counts as failed (those items are retried next time;
 * the ones that made it are remembered and never ingested again).
 */
public final class FeedPoller {
    private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final PageReader pages;
    private final ArticleSink sink;
    private final FeedStateStore store;
    private final PollRecorder recorder;
    private final int fullTextBelow;

    FeedPoller(HttpFetcher fetcher, PageReader pages, ArticleSink sink, FeedStateStore store, PollRecorder recorder,
            int fullTextBelow) {
        this.fetcher = fetcher;
        this.parser = new FeedParser();
        this.pages = pages;
        this.sink = sink;
        this.store = store;
        this.recorder = recorder;
        this.fullTextBelow = fullTextBelow;
    }

    public PollReport poll(FeedSource feed) {
        FeedState state = store.find(feed.name()).orElse(FeedState.fresh(feed.name(), feed.url()));
        Validators validators = state.validatorsFor(feed.url());
        ParsedFeed parsed;
        Validators fresh;
        try {
            FetchResult result = fetcher.fetch(feed.url(), validators, HttpFetcher.FEED_ACCEPT);
            if (result instanceof FetchResult.NotModified) {
                return recorder.success(feed, validators, PollReport.Status.NOT_MODIFIED, 0, 0);
            }
            FetchResult.Body body = (FetchResult.Body) result;
            parsed = parser.parse(body.bytes(), body.contentType(), feed.url());
            fresh = body.validators();
            if (parsed.note() != null) {
                log.debug("feed {}: {}", feed.name(), parsed.note());
            }
        } catch (SourceException e) {
            return recorder.failure(feed, e.getMessage(), 0, 0);
        }
        int newItems = 0;
        int ingested = 0;
        int failed = 0;
        String firstError = null;
        for (FeedItem item : parsed.items()) {
            if (store.seen(feed.name(), item.key())) {
                continue;
            }
            newItems++;
            try {
                String articleId = null;
                if (feed.accepts(item.title() + "\n" + HtmlText.of(item.summary()) + "\n" + HtmlText.of(item.content()))) {
                    IngestOutcome result = sink.ingest(article(feed, item), feed.name() + " item " + item.key());
                    articleId = result.articleId();
                    if (result.status() == IngestOutcome.Status.ADDED
                            || result.status() == IngestOutcome.Status.UPDATED) {
                        ingested++;
                    }
                }
                store.remember(feed.name(), item.key(), articleId, recorder.now());
            } catch (RuntimeException e) {
                failed++;
                firstError = firstError == null ? e.getMessage() : firstError;
            }
        }
        if (failed > 0) {
            // keep the old validators so the next poll sees the same document and retries these items
            return recorder.failure(feed, failed + " of " + newItems + " new items could not be ingested: "
                    + firstError, newItems, ingested);
        }
        return recorder.success(feed, fresh, PollReport.Status.OK, newItems, ingested);
    }

    private ParsedArticle article(FeedSource feed, FeedItem item) {
        String content = HtmlText.of(item.content());
        String summary = HtmlText.of(item.summary());
        String title = item.title();
        String body = content.isEmpty() ? summary : content;
        Instant published = item.publishedAt();
        if (content.isEmpty() && summary.length() < fullTextBelow && isHttp(item.link())) {
            try {
                PageReader.Read read = pages.read(item.link(), Validators.NONE);
                ParsedArticle page = read.page().orElseThrow();
                body = page.body();
                title = title.isBlank() && page.title() != null ? page.title() : title;
                published = published == null ? page.publishedAt() : published;
            } catch (RuntimeException e) {
                log.debug("feed {}: full text of {} unavailable, keeping the summary: {}", feed.name(), item.link(),
                        e.getMessage());
            }
        }
        Map<String, String> tags = new HashMap<>();
        tags.put("feed", feed.name());
        tags.put("feed_item", item.key());
        String id = item.link() == null ? "feed:" + feed.name() + ":" + item.key() : null;
        return new ParsedArticle(id, title.isBlank() ? null : title, body, item.link(), feed.name(), published, tags);
    }

    private static boolean isHttp(String link) {
        return link != null && (link.startsWith("http://") || link.startsWith("https://"));
    }
}
