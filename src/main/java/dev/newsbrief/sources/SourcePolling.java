package dev.newsbrief.sources;

import dev.newsbrief.ingest.HtmlArticleExtractor;
import dev.newsbrief.store.Database;
import java.time.Clock;

/**
 * The parts that poll sources, wired once: one HTTP client, the state store, and the feed, folder
 * and page pollers. {@link #poll(Source)} polls any source once and never throws for a source's own
 * failure: that is recorded in its health instead.
 */
public final class SourcePolling implements AutoCloseable {
    private final HttpFetcher fetcher;
    private final FeedStateStore store;
    private final FeedPoller feeds;
    private final FolderScanner folders;
    private final PageService pages;
    private final FetchOptions options;

    public SourcePolling(FetchOptions options, Database db, ArticleSink sink, Clock clock) {
        this.options = options;
        this.fetcher = new HttpFetcher(options);
        this.store = new FeedStateStore(db);
        PollRecorder recorder = new PollRecorder(store, new Backoff(options.backoffMax()), clock);
        PageReader reader = new PageReader(fetcher, new HtmlArticleExtractor());
        this.feeds = new FeedPoller(fetcher, reader, sink, store, recorder, options.fullTextBelow());
        this.folders = new FolderScanner(sink, store, recorder);
        this.pages = new PageService(fetcher, reader, new FeedItemArticles(reader, options.fullTextBelow()), sink, store,
                recorder);
    }

    public PollReport poll(Source source) {
        return switch (source) {
            case FeedSource f -> feeds.poll(f);
            case FolderSource f -> folders.poll(f);
            case PageSource p -> pages.poll(p);
        };
    }

    /** Makes running polls return after their current item; used when shutting down. */
    public void stop() {
        feeds.stop();
    }

    /** The single-page ingestion service, for {@code /ingest URL} and {@code newsbrief ingest URL}. */
    public PageService pages() {
        return pages;
    }

    public FeedStateStore store() {
        return store;
    }

    public FetchOptions options() {
        return options;
    }

    @Override
    public void close() {
        fetcher.close();
    }
}
