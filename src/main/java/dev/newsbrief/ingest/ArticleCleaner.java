package dev.newsbrief.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Cleans a parsed article into a headline and a body of paragraphs: Unicode NFC normalisation
 * that never changes a character into another ({@link CanonicalText}: "½" stays "½"), the
 * {@link CleaningRules}, paragraph joining for hard-wrapped text, and removal of a subtitle that
 * only repeats the lead.
 */
public final class ArticleCleaner {
    /** Chrome lines are short; longer lines skip the drop-line patterns entirely. */
    private static final int MAX_CHROME_LINE = 400;
    /** Blocks whose lines are all at most this long are treated as hard-wrapped prose. */
    private static final int WRAP_WIDTH = 100;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A cleaned headline and body (paragraphs separated by one blank line). */
    public record Cleaned(String title, String body) {
    }

    private final CleaningRules rules;

    public ArticleCleaner(CleaningRules rules) {
        this.rules = rules;
    }

    /**
     * Cleans {@code article}. When it has no title, the first meaningful line of the body
     * becomes the title. The body may come back empty, meaning nothing but chrome was there.
     */
    public Cleaned clean(ParsedArticle article) {
        List<String> lines = meaningfulLines(normalise(article.body()));
        String title = article.title() == null ? null : cleanTitle(article.title());
        if (title == null || title.isEmpty()) {
            int first = firstNonBlank(lines);
            title = first < 0 ? "" : lines.remove(first).strip();
        }
        List<String> paragraphs = paragraphs(lines);
        dropRepeats(title, paragraphs);
        return new Cleaned(title, String.join("\n\n", paragraphs));
    }

    /** A headline on one line, normalised like body text. */
    public String cleanTitle(String title) {
        return SPACES.matcher(normalise(title)).replaceAll(" ").strip();
    }

    String normalise(String text) {
        String unix = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        String nfc = CleaningRules.isAscii(unix) ? unix : CanonicalText.nfc(unix);
        return rules.rewrite(nfc);
    }

    /** The lines with chrome lines blanked out (blank, so paragraph breaks survive). */
    private List<String> meaningfulLines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            boolean chrome = !s.isEmpty() && s.length() <= MAX_CHROME_LINE && rules.chromeRuleFor(s) != null;
            out.add(chrome ? "" : s);
        }
        return out;
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** Groups lines into paragraphs: blank lines separate; wrapped lines inside a block are joined. */
    static List<String> paragraphs(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                flush(block, out);
            } else {
                block.add(line);
            }
        }
        flush(block, out);
        return out;
    }

    private static void flush(List<String> block, List<String> out) {
        if (block.isEmpty()) {
            return;
        }
        int width = block.stream().mapToInt(String::length).max().orElse(0);
        StringBuilder p = new StringBuilder();
        for (String line : block) {
            if (!p.isEmpty()) {
                p.append(' ');
            }
            p.append(line);
            // Long lines are unwrapped paragraphs; in wrapped prose a short line ending a sentence ends a paragraph.
            boolean endsParagraph = width > WRAP_WIDTH || (endsSentence(line) && line.length() < width * 3 / 4);
            if (endsParagraph) {
                out.add(p.toString());
                p.setLength(0);
            }
        }
        if (!p.isEmpty()) {
            out.add(p.toString());
        }
        block.clear();
    }

    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == '!' || last == '?' || last == '"' || last == '”' || last == '’';
    }

    /** Drops leading paragraphs that repeat the headline, and a subtitle that only repeats the lead's start. */
    private static void dropRepeats(String title, List<String> paragraphs) {
        String titleKey = key(title);
        while (!paragraphs.isEmpty() && !titleKey.isEmpty() && key(paragraphs.get(0)).equals(titleKey)) {
            paragraphs.remove(0);
        }
        if (paragraphs.size() >= 2) {
            String first = paragraphs.get(0);
            String second = paragraphs.get(1);
            String sub = key(first);
            // only the lead's beginning can match, so don't normalise all of it
            String lead = key(second.substring(0, Math.min(second.length(), first.length() * 2 + 20)));
            if (!sub.isEmpty() && sub.length() < lead.length() && lead.startsWith(sub)) {
                paragraphs.remove(0);
            }
        }
    }

    /**
     * Comparison key: lower-case letters and numbers, single-spaced; what
     * {@code [^\\p{L}\\p{N}]+} replaced by a space and stripped gives, in one pass without a regex.
     */
    static String key(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length();) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp) || isNumber(cp)) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    /** The regex class {@code \\p{N}}: decimal digits, letter numbers and other numbers. */
    private static boolean isNumber(int cp) {
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
