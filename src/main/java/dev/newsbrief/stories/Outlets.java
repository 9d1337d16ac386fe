package dev.newsbrief.stories;

import java.net.URI;
import java.util.Locale;

/** The name an article's outlet goes by: its source, else the host of its link. */
public final class Outlets {
    private Outlets() {
    }

    /** {@code source} when set, else the link's host without {@code www.}, else null. */
    public static String name(String source, String url) {
        if (source != null && !source.isBlank()) {
            return source.strip();
        }
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
