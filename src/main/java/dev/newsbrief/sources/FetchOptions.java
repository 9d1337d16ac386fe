package dev.newsbrief.sources;

import dev.newsbrief.config.Config;
import java.time.Duration;

/**
 * How sources are fetched and retried; {@link #from(Config)} reads the {@code sources.*} settings.
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
        if (maxRedirects < 0 || maxBytes <= 0 || maxConcurrentFetches <= 0 || fullTextBelow < 0) {
            throw new SourceException("sources: max-redirects and full-text-below must be >= 0, max-bytes and "
                    + "max-concurrent-fetches > 0");
        }
    }

    public static FetchOptions from(Config config) {
        return new FetchOptions(config.string("sources.user-agent"), config.duration("sources.connect-timeout"),
                config.duration("sources.read-timeout"), config.duration("sources.call-timeout"),
                config.integer("sources.max-redirects"), config.number("sources.max-bytes"),
                config.duration("sources.politeness-delay"), config.integer("sources.max-concurrent-fetches"),
                config.duration("sources.backoff-max"), config.integer("sources.full-text-below"));
    }

    /** Defaults from the bundled config. */
    public static FetchOptions defaults() {
        return from(Config.defaults());
    }
}
