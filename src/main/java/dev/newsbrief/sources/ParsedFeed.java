package dev.newsbrief.sources;

import java.util.List;

/**
 * A feed as parsed.
 *
 * @param type ROME's name for the format, such as {@code rss_2.0} or {@code atom_1.0}
 * @param note why the declared charset was not used, or null
 */
public record ParsedFeed(String title, String type, List<FeedItem> items, String note) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
