package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestOutcome;
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
    private final FeedItemArticles articles;
    private final ArticleSink sink;
    private final FeedStateStore store;
    private final PollRecorder recorder;
    private volatile boolean stopping;

    FeedPoller(HttpFetcher fetcher, PageReader pages, ArticleSink sink, FeedStateStore store, PollRecorder recorder,
            int fullTextBelow) {
        this.fetcher = fetcher;
        this.parser = new FeedParser();
        this.articles = new FeedItemArticles(pages, fullTextBelow);
        this.sink = sink;
        this.store = store;
        this.recorder = recorder;
    }

    /** Makes a running poll return after its current item. */
    void stop() {
        stopping = true;
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
            if (stopping) {
                // shutting down: items not yet remembered are picked up by the next poll
                return new PollReport(feed.name(), PollReport.Status.FAILED, newItems, ingested, "stopped",
                        recorder.now());
            }
            if (store.seen(feed.name(), item.key())) {
                continue;
            }
            newItems++;
            try {
                String articleId = null;
                if (feed.accepts(item.title() + "\n" + HtmlText.of(item.summary()) + "\n" + HtmlText.of(item.content()))) {
                    IngestOutcome result = sink.ingest(articles.article(feed.name(), item), feed.name() + " item " + item.key());
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
}
