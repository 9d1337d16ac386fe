package dev.newsbrief.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses RSS 0.9x, 1.0, 2.0 and Atom with ROME into {@link FeedItem}s with stable keys. Items that
 * share a key within one document are kept once (the first), so a feed that repeats an item
 * cannot ingest it twice.
 */
public final class FeedParser {
    /**
     * @param bytes       the raw document
     * @param contentType the HTTP Content-Type, or null (files)
     * @param origin      the URL or file, for messages
     * @throws SourceException naming {@code origin} when the document is not a feed ROME understands
     */
    public ParsedFeed parse(byte[] bytes, String contentType, String origin) {
        if (bytes.length == 0) {
            throw new SourceException(origin + ": empty document, not a feed");
        }
        XmlText xml = XmlText.decode(bytes, contentType);
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(true);
            feed = input.build(new StringReader(xml.text()));
        } catch (FeedException | IllegalArgumentException e) {
            throw new SourceException(origin + ": not a valid RSS or Atom feed (" + oneLine(e.getMessage()) + ")", e);
        }
        Map<String, FeedItem> byKey = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            FeedItem item = item(entry, blankToNull(feed.getLanguage()));
            byKey.putIfAbsent(item.key(), item);
        }
        return new ParsedFeed(blankToNull(feed.getTitle()), feed.getFeedType(), new ArrayList<>(byKey.values()),
                xml.note());
    }

    private static FeedItem item(SyndEntry entry, String feedLanguage) {
        String title = blankToNull(entry.getTitle());
        String link = blankToNull(entry.getLink());
        Instant published = entry.getPublishedDate() != null ? entry.getPublishedDate().toInstant()
                : entry.getUpdatedDate() != null ? entry.getUpdatedDate().toInstant() : null;
        String summary = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
        String content = content(entry.getContents());
        return new FeedItem(key(entry, title, link, published), title == null ? "" : title.strip(),
                link == null ? null : link.strip(), published, summary, content, feedLanguage);
    }

    /**
     * guid/id, else link, else hash of title and date. ROME puts an RSS guid or Atom id in the URI
     * (falling back to the link itself when there is no guid).
     */
    static String key(SyndEntry entry, String title, String link, Instant published) {
        String uri = blankToNull(entry.getUri());
        if (uri != null) {
            return uri.strip();
        }
        if (link != null) {
            return link.strip();
        }
        return "sha256:" + sha256((title == null ? "" : title.strip()) + "\n" + (published == null ? "" : published));
    }

    private static String content(List<SyndContent> contents) {
        if (contents == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (SyndContent c : contents) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                sb.append(sb.isEmpty() ? "" : "\n").append(c.getValue());
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        t = nl < 0 ? t : t.substring(0, nl);
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
