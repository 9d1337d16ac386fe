package dev.newsbrief.sources;

import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ingest.ParseOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RSS and Atom files on disk, read as articles the way a feed poll turns items into articles
 * ({@link FeedItemArticles}), but without fetching any linked page: a saved feed is ingested as
 * it is. The file's name (without extension) is the feed's name, so its items' ids are their links.
 */
public final class FeedFiles {
    private static final int SNIFF_BYTES = 1024;

    private FeedFiles() {
    }

    /** Whether {@code file} is a feed: named {@code .rss} or {@code .atom}, or XML whose root is a feed's. */
    public static boolean isFeed(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".rss") || name.endsWith(".atom")) {
            return true;
        }
        if (!name.endsWith(".xml") || !Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf");
        } catch (IOException e) {
            return false;
        }
    }

    /** The items of the feed in {@code file} as parsed articles; one rejection when it is not a readable feed. */
    public static List<ParseOutcome> read(Path file) {
        String origin = file.toString();
        String feedName = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(new ParseOutcome.Rejected(origin, "cannot read: " + e.getMessage()));
        }
        ParsedFeed feed;
        try {
            feed = new FeedParser().parse(bytes, null, origin);
        } catch (NewsbriefException e) {
            return List.of(new ParseOutcome.Rejected(origin, e.getMessage()));
        }
        FeedItemArticles articles = new FeedItemArticles(null, 0);
        List<ParseOutcome> out = new ArrayList<>(feed.items().size());
        for (FeedItem item : feed.items()) {
            String itemOrigin = origin + " item " + item.key();
            if (HtmlText.of(item.content()).isBlank() && HtmlText.of(item.summary()).isBlank()) {
                out.add(new ParseOutcome.Rejected(itemOrigin, "feed item has no text"));
            } else {
                out.add(new ParseOutcome.Parsed(itemOrigin, articles.article(feedName, item)));
            }
        }
        return out;
    }
}
