package dev.newsbrief.sources;

import java.nio.charset.Charset;
import dev.newsbrief.ingest.HtmlArticleExtractor;
import dev.newsbrief.ingest.ParseOutcome;
import dev.newsbrief.ingest.ParsedArticle;
import java.util.Optional;

/**
 * Fetches a web page and extracts its article with ingest's {@link HtmlArticleExtractor}: the
 * charset comes from a byte-order mark, else the HTTP header, else valid UTF-8, else the page's own
 * meta declaration.
 */
public final class PageReader {
    private final HttpFetcher fetcher;
    private final HtmlArticleExtractor extractor;

    public PageReader(HttpFetcher fetcher, HtmlArticleExtractor extractor) {
        this.fetcher = fetcher;
        this.extractor = extractor;
    }

    /** A fetched page: its article, or empty when unchanged (304). */
    public record Read(Optional<ParsedArticle> page, String finalUrl, Validators validators, boolean notModified) {}

    /**
     * @throws SourceException when the page cannot be fetched or holds no article text
     */
    public Read read(String url, Validators validators) {
        FetchResult result = fetcher.fetch(url, validators, HttpFetcher.PAGE_ACCEPT);
        if (result instanceof FetchResult.NotModified nm) {
            return new Read(Optional.empty(), nm.finalUrl(), validators, true);
        }
        FetchResult.Body body = (FetchResult.Body) result;
        return new Read(Optional.of(extract(body, url)), body.finalUrl(), body.validators(), false);
    }

    /**
     * The article in a fetched page.
     *
     * @throws SourceException when the body is not HTML or holds no article text
     */
    public ParsedArticle extract(FetchResult.Body body, String url) {
        String type = body.contentType() == null ? "" : body.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            throw new SourceException(url + ": not a web page (Content-Type " + body.contentType() + ")");
        }
        String charset = XmlText.fromHeader(body.contentType()).map(Charset::name).orElse(null);
        ParseOutcome outcome = extractor.extract(body.bytes(), charset, body.finalUrl(), url);
        return switch (outcome) {
            case ParseOutcome.Parsed parsed -> parsed.article();
            case ParseOutcome.Rejected rejected -> throw new SourceException(url + ": " + rejected.reason());
        };
    }
}
