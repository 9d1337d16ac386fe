package dev.newsbrief.bench;

import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user reads of an answer, as the question evaluation scores it: the briefing's lead, then
 * each item's title and text, cut at the briefing's character budget; and whether answer words
 * appear in it (case, accents, hyphens, commas, quotes and runs of spaces ignored).
 */
public final class ReadText {
    private ReadText() {
    }

    /** The lead, then each item's title and text, one per line, within the first {@code budget} characters. */
    public static String of(Briefing b, int budget) {
        List<String> parts = new ArrayList<>();
        if (b.lead() != null && !b.lead().isEmpty()) {
            parts.add(b.lead().text());
        }
        for (BriefItem item : b.items()) {
            parts.add(item.citation().title());
            if (!item.text().isEmpty()) {
                parts.add(item.text().text());
            }
        }
        return cut(String.join("\n", parts), budget);
    }

    /** Texts in order, one per line, within the first {@code budget} characters. */
    public static String ofTexts(List<String> texts, int budget) {
        return cut(String.join("\n", texts), budget);
    }

    static String cut(String text, int budget) {
        return text.length() <= budget ? text : text.substring(0, budget);
    }

    /** Whether every one of {@code answers} appears in {@code text}. */
    public static boolean containsAll(String text, List<String> answers) {
        String haystack = normalise(text);
        for (String a : answers) {
            if (!haystack.contains(normalise(a))) {
                return false;
            }
        }
        return true;
    }

    static String normalise(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        // "350-mln-dlr" reads as "350 mln dlr", "Goldman, Sachs" as "Goldman Sachs"
        return folded.toLowerCase(Locale.ROOT).replaceAll("[-,;:\"'()\u2018\u2019\u201C\u201D]", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
