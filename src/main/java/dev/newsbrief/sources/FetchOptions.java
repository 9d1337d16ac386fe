package dev.newsbrief.sources;

import dev.newsbrief.core.OptionException;
import java.time.Duration;

/**
 * How sources are fetched and retried (part of {@link SourcesOptions}).
 *
 * @param fullTextBelow items without full content and with fewer characters of text get their linked page fetched
 */
public record FetchOptions(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRedirects,
        long maxBytes,
        Duration politenessDelay,
        int maxConcurrentFetches,
        Duration backoffMax,
        int fullTextBelow) {

    public FetchOptions {
        atLeast("maxRedirects", maxRedirects, 0);
        atLeast("maxBytes", maxBytes, 1);
        atLeast("maxConcurrentFetches", maxConcurrentFetches, 1);
        atLeast("fullTextBelow", fullTextBelow, 0);
    }

    private static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new OptionException(option, "must be at least " + min + " (got " + value + ")");
        }
    }

    /** The defaults of {@code config/newsbrief.yaml}. */
    public static FetchOptions defaults() {
        return new FetchOptions("newsbrief/0.1 (feed reader; +https://github.com/newsbrief/newsbrief)",
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60), 5, 10_485_760,
                Duration.ofSeconds(2), 4, Duration.ofHours(6), 400);
    }
}
