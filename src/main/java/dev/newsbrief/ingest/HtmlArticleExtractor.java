package dev.newsbrief.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts the article from an HTML page with jsoup: the main content (the largest
 * {@code <article>}, else {@code <main>}, else the body) without navigation, header, footer,
 * asides, scripts, forms, or share and related-links blocks; the title from og:title, then the
 * first h1, then {@code <title>}; the date from {@code article:published_time}, JSON-LD
 * {@code datePublished} or {@code <time datetime>}; the canonical URL and the site name.
 * Usable on files and on pages fetched by feeds alike.
 */
public final class HtmlArticleExtractor {
    /** Less text than this in the main content means the page is not an article. */
    private static final int MIN_CONTENT_CHARS = 80;
    private static final String REMOVED_TAGS =
            "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, figure, dialog";
    private static final Pattern CHROME_CLASS = Pattern.compile("(?i)(?:^|[-_ ])(?:share|sharing|social|related|"
            + "newsletter|subscribe|comments?|advert|ads?|promo|breadcrumbs?|cookie|popup|modal|sidebar|recommended|"
            + "more-stories|most-read|tags)(?:[-_ ]|$)");
    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private final ObjectMapper json = new ObjectMapper();

    /** The article on the page, or empty when it has no article content. */
    public Optional<ParsedArticle> extract(String html, String baseUrl) {
        return extract(html, baseUrl, baseUrl == null ? "html" : baseUrl) instanceof ParseOutcome.Parsed p
                ? Optional.of(p.article())
                : Optional.empty();
    }

    /** Like {@link #extract(String, String)}, saying why when there is no article. */
    public ParseOutcome extract(String html, String baseUrl, String origin) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        String title = firstNonBlank(meta(doc, "og:title"), text(doc.selectFirst("h1")), doc.title());
        String url = firstNonBlank(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), meta(doc, "og:url"),
                baseUrl);
        String site = meta(doc, "og:site_name");
        Instant published = publishedTime(doc);

        Element root = mainContent(doc);
        root.select(REMOVED_TAGS).remove();
        for (Element e : root.select("[class], [id]")) {
            if (e != root && (CHROME_CLASS.matcher(e.className()).find() || CHROME_CLASS.matcher(e.id()).find())) {
                e.remove();
            }
        }
        root.select("h1").remove();
        String body = paragraphs(root);
        if (body.replaceAll("\\s+", "").length() < MIN_CONTENT_CHARS) {
            return new ParseOutcome.Rejected(origin, "HTML has no article content");
        }
        String declared = declaredLanguage(doc);
        return new ParseOutcome.Parsed(origin, new ParsedArticle(null, title, body, url, site, published,
                declared == null ? null : java.util.Map.of(ParsedArticle.DECLARED_LANGUAGE, declared)));
    }

    /** The page's declared language: {@code <html lang>}, else Content-Language, else og:locale; a hint only. */
    private static String declaredLanguage(Document doc) {
        Element html = doc.selectFirst("html[lang]");
        Element httpEquiv = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
        return firstNonBlank(html == null ? null : html.attr("lang"),
                httpEquiv == null ? null : httpEquiv.attr("content"), meta(doc, "og:locale"));
    }

    private static Element mainContent(Document doc) {
        Elements articles = doc.select("article, [itemprop=articleBody]");
        if (!articles.isEmpty()) {
            Element best = articles.first();
            for (Element a : articles) {
                if (a.text().length() > best.text().length()) {
                    best = a;
                }
            }
            return best;
        }
        Element main = doc.selectFirst("main, [role=main]");
        return main != null ? main : doc.body();
    }

    /** Text of the outermost block elements, one paragraph each; loose text when there are none. */
    private static String paragraphs(Element root) {
        Elements blocks = root.select(BLOCKS);
        if (blocks.isEmpty()) {
            return root.text();
        }
        Set<Element> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> out = new ArrayList<>();
        for (Element block : blocks) {
            seen.add(block);
            if (block.parents().stream().anyMatch(seen::contains)) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return String.join("\n\n", out);
    }

    private Instant publishedTime(Document doc) {
        String value = firstNonBlank(meta(doc, "article:published_time"), jsonLdDatePublished(doc),
                attr(doc.selectFirst("time[datetime]"), "datetime"));
        return PublishedTimes.parse(value).orElse(null);
    }

    private String jsonLdDatePublished(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = json.readTree(script.data());
                String found = findField(node, "datePublished");
                if (found != null) {
                    return found;
                }
            } catch (java.io.IOException e) {
                // broken JSON-LD is common; the other date sources still apply
            }
        }
        return null;
    }

    private static String findField(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        if (node.isObject() && node.hasNonNull(field) && node.get(field).isValueNode()) {
            return node.get(field).asText();
        }
        for (JsonNode child : node) {
            String found = findField(child, field);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String meta(Document doc, String property) {
        Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    private static String attr(Element e, String name) {
        return e == null ? null : e.attr(name);
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
