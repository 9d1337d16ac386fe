package dev.newsbrief.sources;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An RSS or Atom feed.
 *
 * @param include keep only items mentioning one of these words (empty: keep all)
 * @param exclude drop items mentioning any of these words
 */
public record FeedSource(String name, String url, Duration interval, List<String> include, List<String> exclude)
        implements Source {
    public FeedSource {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    @Override
    public String location() {
        return url;
    }

    @Override
    public String kind() {
        return "feed";
    }

    /** Whether an item with this text passes the include/exclude keywords (whole words, any case). */
    public boolean accepts(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (exclude.stream().anyMatch(w -> mentions(t, w))) {
            return false;
        }
        return include.isEmpty() || include.stream().anyMatch(w -> mentions(t, w));
    }

    private static boolean mentions(String lowerText, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])").matcher(lowerText).find();
    }
}
