package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.ParseOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one feed: conditional GET, parse, and for each item the feed has not delivered before,
 * keyword filter → full text when only a short summary came; then the poll's new articles are
 * ingested as one batch and their keys remembered. Items the pipeline refuses for their content
 * are remembered too; items it could not store make the poll fail and are retried next time.
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
            return recorder.failure(feed, e);
        }
        Set<String> known = store.seen(feed.name(), parsed.items().stream().map(FeedItem::key).toList());
        List<String> keys = new ArrayList<>();
        List<ParseOutcome> batch = new ArrayList<>();
        Map<String, String> keyByOrigin = new HashMap<>();
        for (FeedItem item : parsed.items()) {
            if (stopping) {
                break; // shutting down: what is collected goes in, the rest is picked up by the next poll
            }
            if (known.contains(item.key())) {
                continue;
            }
            keys.add(item.key());
            if (feed.accepts(item.title() + "\n" + HtmlText.of(item.summary()) + "\n" + HtmlText.of(item.content()))) {
                String origin = "feed " + feed.name() + " item " + item.key();
                keyByOrigin.put(origin, item.key());
                batch.add(new ParseOutcome.Parsed(origin, articles.article(feed.name(), item)));
            }
        }
        IngestReport report;
        try {
            report = sink.ingestAll(batch);
        } catch (RuntimeException e) {
            return recorder.failure(feed, "new items could not be ingested: " + e.getMessage(), keys.size(), 0);
        }
        // an item the pipeline refused for its content is done with; one it could not store is retried
        Set<String> retry = new HashSet<>();
        String firstError = null;
        for (IngestReport.Skipped skipped : report.skipped()) {
            if (skipped.reason().startsWith("could not store") && keyByOrigin.containsKey(skipped.origin())) {
                retry.add(keyByOrigin.get(skipped.origin()));
                firstError = firstError == null ? skipped.reason() : firstError;
            }
        }
        keys.removeAll(retry);
        store.rememberAll(feed.name(), keys, recorder.now());
        int ingested = report.added() + report.updated();
        int newItems = keys.size() + retry.size();
        if (!retry.isEmpty()) {
            // keep the old validators so the next poll sees the same document and retries these items
            return recorder.failure(feed, retry.size() + " of " + newItems + " new items could not be stored: "
                    + firstError, newItems, ingested);
        }
        if (stopping) {
            return new PollReport(feed.name(), PollReport.Status.FAILED, newItems, ingested, "stopped", recorder.now());
        }
        return recorder.success(feed, fresh, PollReport.Status.OK, newItems, ingested);
    }
}
