package dev.newsbrief.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The one rule for web addresses typed by people (in {@code /ingest}, {@code newsbrief ingest} or
 * the sources config): what counts as an http(s) URL, and what is meant as one.
 */
public final class HttpUrls {
    private HttpUrls() {}

    /** Whether {@code text} is an absolute http or https URL with a host. */
    public static boolean isHttpUrl(String text) {
        if (text == null) {
            return false;
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Whether {@code text} is meant as a web address rather than a file: it starts with
     * {@code http://} or {@code https://}. It may still fail {@link #isHttpUrl}, which the fetch then reports.
     */
    public static boolean hasHttpScheme(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("http://") || t.startsWith("https://");
    }
}
