package dev.newsbrief.sources;

import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import java.net.URI;
import java.util.Map;

/**
 * Ingests single web pages: the ones listed under {@code sources.pages} (re-fetched conditionally on
 * their interval) and the ones an admin or operator names with {@code /ingest URL} or
 * {@code newsbrief ingest URL}. The page URL is the article's identity, so ingesting a page again
 * updates it rather than adding a copy.
 */
public final class PageService {
    /** A page ingested on request. */
    public record Result(IngestOutcome.Status status, String articleId, String title, String url, String reason) {}

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
        ParsedArticle page = read.page().orElseThrow();
        IngestOutcome result = sink.ingest(article(page, checked, null), checked);
        return new Result(result.status(), result.articleId(), page.title(), checked, result.reason());
    }

    PollReport poll(PageSource source) {
        FeedState state = store.find(source.name()).orElse(FeedState.fresh(source.name(), source.url()));
        Validators validators = state.validatorsFor(source.url());
        try {
            PageReader.Read read = reader.read(source.url(), validators);
            if (read.notModified()) {
                return recorder.success(source, validators, PollReport.Status.NOT_MODIFIED, 0, 0);
            }
            IngestOutcome result = sink.ingest(article(read.page().orElseThrow(), source.url(), source.name()),
                    source.name());
            if (result.status() == IngestOutcome.Status.SKIPPED) {
                return recorder.failure(source, source.url() + ": " + result.reason(), 0, 0);
            }
            boolean first = store.remember(source.name(), source.url(), result.articleId(), recorder.now());
            boolean changed = result.status() == IngestOutcome.Status.ADDED
                    || result.status() == IngestOutcome.Status.UPDATED;
            return recorder.success(source, read.validators(), PollReport.Status.OK, first ? 1 : 0, changed ? 1 : 0);
        } catch (RuntimeException e) {
            return recorder.failure(source, e.getMessage(), 0, 0);
        }
    }

    /** The page's article under the URL it was asked for; the source is the configured name, else the site. */
    private static ParsedArticle article(ParsedArticle page, String url, String source) {
        String outlet = source != null ? source : page.source() != null ? page.source() : URI.create(url).getHost();
        return new ParsedArticle(null, page.title(), page.body(), url, outlet, page.publishedAt(),
                source == null ? Map.of() : Map.of("page", source));
    }
}
