package dev.newsbrief.sources;

import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.IngestReport;
import dev.newsbrief.ingest.ParseOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Ingests single URLs: the pages listed under {@code sources.pages} (re-fetched conditionally on
 * their interval), and whatever an admin or operator names with {@code /ingest URL} or
 * {@code newsbrief ingest URL}: a web page becomes one article, a feed has each of its items
 * ingested once now. A page URL is its article's identity, so ingesting it again updates it
 * rather than adding a copy.
 */
public final class PageService {
    private static final String ANY_ACCEPT = HttpFetcher.PAGE_ACCEPT.replace("*/*;q=0.5", "")
            + "application/rss+xml;q=0.8, application/atom+xml;q=0.8, */*;q=0.5";

    /**
     * What ingesting a URL did.
     *
     * @param kind       {@code page} or {@code feed}
     * @param title      the page's headline or the feed's title, or null
     * @param counts     articles by ingestion status
     * @param lastReason why an article was skipped or is a duplicate, or null
     */
    public record Result(String url, String kind, String title, Map<IngestOutcome.Status, Integer> counts,
            String articleId, String lastReason) {
        public Result {
            counts = Map.copyOf(counts);
        }

        public int count(IngestOutcome.Status status) {
            return counts.getOrDefault(status, 0);
        }

        /** One line for the admin or operator. */
        public String summary() {
            String what = (title == null || title.isBlank() ? url : "\u201c" + title + "\u201d");
            StringBuilder sb = new StringBuilder(kind.equals("feed") ? "Feed " : "Page ").append(what).append(": ");
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (total == 0) {
                return sb.append("no items").toString();
            }
            String sep = "";
            for (IngestOutcome.Status s : IngestOutcome.Status.values()) {
                if (count(s) > 0) {
                    sb.append(sep).append(count(s)).append(' ').append(s.name().toLowerCase(Locale.ROOT));
                    sep = ", ";
                }
            }
            if (lastReason != null) {
                sb.append(" (").append(lastReason).append(')');
            }
            return sb.toString();
        }
    }

    private final HttpFetcher fetcher;
    private final PageReader reader;
    private final FeedParser parser = new FeedParser();
    private final FeedItemArticles feedArticles;
    private final ArticleSink sink;
    private final FeedStateStore store;
    private final PollRecorder recorder;

    PageService(HttpFetcher fetcher, PageReader reader, FeedItemArticles feedArticles, ArticleSink sink,
            FeedStateStore store, PollRecorder recorder) {
        this.fetcher = fetcher;
        this.reader = reader;
        this.feedArticles = feedArticles;
        this.sink = sink;
        this.store = store;
        this.recorder = recorder;
    }

    /**
     * Fetches {@code url} now and ingests the page's article, or every item when it is a feed.
     *
     * @throws SourceException with a one-line reason (bad URL, HTTP status, timeout, no article text)
     */
    public Result ingest(String url) {
        String checked = SourceDefinitions.httpUrl(url, "ingest");
        FetchResult.Body body = (FetchResult.Body) fetcher.fetch(checked, Validators.NONE, ANY_ACCEPT);
        Map<IngestOutcome.Status, Integer> counts = new EnumMap<>(IngestOutcome.Status.class);
        if (looksLikeFeed(body)) {
            ParsedFeed feed = parser.parse(body.bytes(), body.contentType(), checked);
            String name = feed.title() != null ? feed.title().strip() : URI.create(checked).getHost();
            List<ParseOutcome> batch = new ArrayList<>();
            for (FeedItem item : feed.items()) {
                batch.add(new ParseOutcome.Parsed(checked + " item " + item.key(), feedArticles.article(name, item)));
            }
            IngestReport report = sink.ingestAll(batch);
            counts.put(IngestOutcome.Status.ADDED, report.added());
            counts.put(IngestOutcome.Status.UPDATED, report.updated());
            counts.put(IngestOutcome.Status.UNCHANGED, report.unchanged());
            counts.put(IngestOutcome.Status.DUPLICATE, report.duplicates());
            counts.put(IngestOutcome.Status.SKIPPED, report.skippedCount());
            String reason = report.skipped().isEmpty() ? null : report.skipped().get(0).reason();
            return new Result(checked, "feed", feed.title(), counts, null, reason);
        }
        ParsedArticle page = reader.extract(body, checked);
        IngestOutcome outcome = sink.ingest(article(page, checked, null), checked);
        counts.put(outcome.status(), 1);
        return new Result(checked, "page", page.title(), counts, outcome.articleId(), outcome.reason());
    }

    /**
     * Ingests {@code url} and says what happened in one line, failures included; the
     * implementation behind {@code /ingest URL} and {@code newsbrief ingest URL}.
     */
    public String ingestAndDescribe(String url) {
        try {
            return ingest(url).summary();
        } catch (NewsbriefException e) {
            return "Could not ingest " + e.getMessage();
        }
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
        } catch (SourceException e) {
            return recorder.failure(source, e);
        } catch (RuntimeException e) {
            return recorder.failure(source, e.getMessage(), 0, 0);
        }
    }

    private static boolean looksLikeFeed(FetchResult.Body body) {
        String type = body.contentType() == null ? "" : body.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return false;
        }
        if (type.contains("rss") || type.contains("atom") || type.contains("rdf")) {
            return true;
        }
        String head = new String(body.bytes(), 0, Math.min(body.bytes().length, 1024), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
    }

    /** The page's article under the URL it was asked for; the source is the configured name, else the site. */
    private static ParsedArticle article(ParsedArticle page, String url, String source) {
        String outlet = source != null ? source : page.source() != null ? page.source() : URI.create(url).getHost();
        return new ParsedArticle(null, page.title(), page.body(), url, outlet, page.publishedAt(),
                source == null ? Map.of() : Map.of("page", source));
    }
}
