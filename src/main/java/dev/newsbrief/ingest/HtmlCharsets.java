package dev.newsbrief.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The charset an HTML page declares for itself in a {@code <meta>} tag near its start. */
final class HtmlCharsets {
    /** Browsers look at the first 1,024 bytes; real pages put long scripts first, so look further. */
    private static final int PRESCAN = 16 * 1024;
    private static final Pattern META = Pattern.compile(
            "<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private HtmlCharsets() {
    }

    /** The declared charset name, or null. */
    static String declared(byte[] bytes) {
        // ASCII-compatible prescan: the declaration itself is ASCII in every charset a meta tag can name
        String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
