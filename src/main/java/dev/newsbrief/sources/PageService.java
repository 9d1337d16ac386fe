package dev.newsbrief.sources;

import java.util.Map;

/**
 * Ingests single web pages: the ones listed under {@code sources.pages} (re-fetched conditionally on
 * their interval) and the ones an admin or operator names with {@code /ingest URL} or
 * {@code newsbrief ingest URL}. The page URL is the article's identity, so ingesting a page again
 * updates it rather than adding a copy.
 */
public final class PageService {
    /** A page ingested on request. */
    public record Result(ArticleSink.Outcome outcome, String articleId, String title, String url) {}

    private final PageReader reader;
    private final ArticleSink sink;
    private final FeedStateStore store;
    private final PollRecorder recorder;

    PageService(PageReader reader, ArticleSink sink, FeedStateStore store, PollRecorder recorder) {
        this.reader = reader;
        this.sink = sink;
        this.store = store;
        this.recorder = recorder;
    }

    /**
     * Fetches {@code url} now and ingests its article.
     *
     * @throws SourceException with a one-line reason (bad URL, HTTP status, timeout, no article text)
     */
    public Result ingest(String url) {
        String checked = SourceDefinitions.httpUrl(url, "ingest");
        PageReader.Read read = reader.read(checked, Validators.NONE);
        ExtractedPage page = read.page().orElseThrow();
        ArticleSink.Ingested result = sink.ingest(article(page, checked, null));
        return new Result(result.outcome(), result.articleId(), page.title(), checked);
    }

    PollReport poll(PageSource source) {
        FeedState state = store.find(source.name()).orElse(FeedState.fresh(source.name(), source.url()));
        Validators validators = state.validatorsFor(source.url());
        try {
            PageReader.Read read = reader.read(source.url(), validators);
            if (read.notModified()) {
                return recorder.success(source, validators, PollReport.Status.NOT_MODIFIED, 0, 0);
            }
            ArticleSink.Ingested result = sink.ingest(article(read.page().orElseThrow(), source.url(), source.name()));
            boolean first = store.remember(source.name(), source.url(), result.articleId(), recorder.now());
            boolean changed = result.outcome() == ArticleSink.Outcome.ADDED
                    || result.outcome() == ArticleSink.Outcome.UPDATED;
            return recorder.success(source, read.validators(), PollReport.Status.OK, first ? 1 : 0, changed ? 1 : 0);
        } catch (RuntimeException e) {
            return recorder.failure(source, e.getMessage(), 0, 0);
        }
    }

    private static IncomingArticle article(ExtractedPage page, String url, String source) {
        return new IncomingArticle(null, page.title(), page.body(), url, source, page.publishedAt(),
                source == null ? Map.of() : Map.of("page", source));
    }
}
