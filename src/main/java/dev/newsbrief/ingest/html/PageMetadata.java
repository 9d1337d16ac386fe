package dev.newsbrief.ingest.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about its article, from JSON-LD ({@code NewsArticle} and kin), OpenGraph and
 * {@code <meta>}: title, author, publication time (as written), canonical URL, site name and
 * declared language (the tag as written, e.g. "de-AT": a hint, which language detection reduces); and JSON-LD's {@code articleBody}, which the extractor only uses as a fallback, since
 * on many sites it is truncated or holds raw markup.
 */
public record PageMetadata(String title, String author, String published, String url, String siteName,
        String language, String articleBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the metadata of {@code doc}; {@code baseUrl} (or null) is the URL the page came from. */
    static PageMetadata of(Document doc, String baseUrl) {
        Map<String, String> meta = new HashMap<>();
        for (Element e : doc.select("meta[content]")) {
            String key = e.hasAttr("property") ? e.attr("property") : e.hasAttr("name") ? e.attr("name")
                    : e.attr("itemprop");
            if (!e.attr("content").isBlank()) {
                meta.putIfAbsent(key.toLowerCase(Locale.ROOT), e.attr("content"));
            }
        }
        JsonNode article = jsonLdArticle(doc);
        String title = firstNonBlank(meta.get("og:title"), text(doc.selectFirst("body h1")),
                ld(article, "headline"), meta.get("twitter:title"), doc.title());
        String author = firstNonBlank(ldAuthor(article), meta.get("author"), meta.get("article:author"),
                meta.get("dc.creator"));
        if (author != null && (author.startsWith("http://") || author.startsWith("https://"))) {
            author = null;
        }
        String published = firstNonBlank(meta.get("article:published_time"), ld(article, "datePublished"),
                meta.get("datepublished"), meta.get("dc.date"), meta.get("date"),
                attr(doc.selectFirst("time[datetime]"), "datetime"));
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), meta.get("og:url"),
                ld(article, "url"), baseUrl);
        String site = firstNonBlank(meta.get("og:site_name"), ld(article == null ? null : article.get("publisher"),
                "name"));
        String language = firstNonBlank(attr(doc.selectFirst("html[lang]"), "lang"),
                attr(doc.selectFirst("meta[http-equiv~=(?i)content-language]"), "content"), ld(article, "inLanguage"),
                meta.get("og:locale"));
        return new PageMetadata(title, author, published, url, site, language, ld(article, "articleBody"));
    }

    /** The first JSON-LD object typed as an article (NewsArticle, BlogPosting, ...), or null. */
    private static JsonNode jsonLdArticle(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                List<JsonNode> found = new ArrayList<>();
                collectArticles(JSON.readTree(script.data()), found, 0);
                if (!found.isEmpty()) {
                    return found.get(0);
                }
            } catch (IOException e) {
                // broken JSON-LD is common; the other sources still apply
            }
        }
        return null;
    }

    private static void collectArticles(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticleType(node.get("@type"))) {
            out.add(node);
        }
        collectArticles(node.get("@graph"), out, depth + 1);
        collectArticles(node.get("mainEntity"), out, depth + 1);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        String t = type.asText();
        return t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report") || t.equals("LiveBlogPosting");
    }

    private static String ld(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v != null && v.isArray() && !v.isEmpty()) {
            v = v.get(0);
        }
        return v != null && v.isValueNode() ? v.asText() : null;
    }

    private static String ldAuthor(JsonNode article) {
        if (article == null || article.get("author") == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        JsonNode author = article.get("author");
        for (JsonNode a : author.isArray() ? author : List.of(author)) {
            String name = a.isObject() ? ld(a, "name") : a.isValueNode() ? a.asText() : null;
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
