package dev.newsbrief.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads .txt and .md articles. An optional header block of {@code Title:}, {@code URL:},
 * {@code Source:} and {@code Published:} lines, ended by a blank line, supplies metadata;
 * otherwise the cleaner takes the first meaningful line as the title.
 */
public final class TextArticleParser {
    private static final Pattern HEADER = Pattern.compile("(?i)^(title|url|source|published)[ \\t]*:[ \\t]*(.*)$");

    public ParseOutcome parse(String text, String origin) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        String title = null;
        String url = null;
        String source = null;
        Instant published = null;
        int start = i;
        int headers = 0;
        while (i < lines.length) {
            Matcher m = HEADER.matcher(lines[i].strip());
            if (!m.matches()) {
                break;
            }
            String value = m.group(2).strip();
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "title" -> title = value;
                case "url" -> url = value;
                case "source" -> source = value;
                default -> published = PublishedTimes.parse(value).orElse(null);
            }
            headers++;
            i++;
        }
        boolean headerBlock = headers > 0 && (i == lines.length || lines[i].isBlank());
        if (!headerBlock) {
            title = null;
            url = null;
            source = null;
            published = null;
            i = start;
        }
        String body = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length));
        if (body.isBlank()) {
            return new ParseOutcome.Rejected(origin, "no text after the header block");
        }
        return new ParseOutcome.Parsed(origin, new ParsedArticle(null, emptyToNull(title), body, emptyToNull(url),
                emptyToNull(source), published, null));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
