package dev.newsbrief.ingest;

import dev.newsbrief.ingest.html.PageExtractor;
import dev.newsbrief.ingest.html.PageLimits;
import dev.newsbrief.ingest.html.PageMetadata;
import dev.newsbrief.ingest.html.PageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts the article from an HTML page: the main text by content scoring
 * ({@link PageExtractor}), the title, author, publication time, canonical URL, site name and
 * declared language (a hint for detection, in {@link ParsedArticle#DECLARED_LANGUAGE}) from the
 * page's metadata. Used for files, feed items' pages and {@code /ingest <url>}
 * alike. A page without an article is rejected with a reason.
 */
public final class HtmlArticleExtractor {
    private final PageExtractor pages;
    private final TextDecoder decoder = new TextDecoder();

    public HtmlArticleExtractor(PageLimits limits) {
        this.pages = new PageExtractor(limits);
    }

    public HtmlArticleExtractor() {
        this(PageLimits.DEFAULTS);
    }

    /** The article on the page, or empty when it has no article content. */
    public Optional<ParsedArticle> extract(String html, String baseUrl) {
        return extract(html, baseUrl, baseUrl == null ? "html" : baseUrl) instanceof ParseOutcome.Parsed p
                ? Optional.of(p.article())
                : Optional.empty();
    }

    /**
     * The article in an HTML page given as bytes, decoded by {@link TextDecoder#decodeHtml}:
     * {@code charset} is the charset the server declared, or null.
     */
    public ParseOutcome extract(byte[] bytes, String charset, String baseUrl, String origin) {
        TextDecoder.Decoded decoded;
        try {
            decoded = decoder.decodeHtml(bytes, charset);
        } catch (TextDecoder.NotText e) {
            return new ParseOutcome.Rejected(origin, e.getMessage());
        }
        return extract(decoded.text(), baseUrl, origin);
    }

    /** Like {@link #extract(String, String)}, saying why when there is no article. */
    public ParseOutcome extract(String html, String baseUrl, String origin) {
        return switch (pages.extract(html, baseUrl)) {
            case PageResult.Skipped s -> new ParseOutcome.Rejected(origin, s.reason());
            case PageResult.Article a -> new ParseOutcome.Parsed(origin, article(a.metadata(), a.text()));
        };
    }

    private static ParsedArticle article(PageMetadata m, String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (m.author() != null) {
            tags.put("author", m.author());
        }
        if (m.language() != null) {
            tags.put(ParsedArticle.DECLARED_LANGUAGE, m.language());
        }
        return new ParsedArticle(null, m.title(), text, m.url(), m.siteName(),
                PublishedTimes.parse(m.published()).orElse(null), tags);
    }
}
