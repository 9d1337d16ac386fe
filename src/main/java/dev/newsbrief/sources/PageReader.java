package dev.newsbrief.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fetches a web page and extracts its article: the charset comes from the HTTP header, else the
 * page's own meta declaration (jsoup's detection), and the article from the {@link PageExtractor}.
 */
public final class PageReader {
    private final HttpFetcher fetcher;
    private final PageExtractor extractor;

    public PageReader(HttpFetcher fetcher, PageExtractor extractor) {
        this.fetcher = fetcher;
        this.extractor = extractor;
    }

    /** A fetched page: its article, or empty when unchanged (304). */
    public record Read(Optional<ExtractedPage> page, String finalUrl, Validators validators, boolean notModified) {}

    /**
     * @throws SourceException when the page cannot be fetched or holds no article text
     */
    public Read read(String url, Validators validators) {
        FetchResult result = fetcher.fetch(url, validators, HttpFetcher.PAGE_ACCEPT);
        if (result instanceof FetchResult.NotModified nm) {
            return new Read(Optional.empty(), nm.finalUrl(), validators, true);
        }
        FetchResult.Body body = (FetchResult.Body) result;
        String type = body.contentType() == null ? "" : body.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.isEmpty() && !type.contains("html")) {
            throw new SourceException(url + ": not a web page (Content-Type " + body.contentType() + ")");
        }
        Document doc;
        try {
            String charset = XmlText.fromHeader(body.contentType()).map(Charset::name).orElse(null);
            doc = Jsoup.parse(new ByteArrayInputStream(body.bytes()), charset, body.finalUrl());
        } catch (IOException e) {
            throw new SourceException(url + ": unreadable HTML (" + e.getMessage() + ")", e);
        }
        ExtractedPage page = extractor.extract(doc).filter(p -> p.body() != null && !p.body().isBlank())
                .orElseThrow(() -> new SourceException(url + ": no article text found on the page"));
        return new Read(Optional.of(page), body.finalUrl(), body.validators(), false);
    }
}
