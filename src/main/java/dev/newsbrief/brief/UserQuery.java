package dev.newsbrief.brief;

import java.util.List;

/**
 * A user's text after query understanding, before analysis: the words that carry the need, the
 * quoted phrases that must appear, the excluded words or phrases, and the time intent. Question
 * words, recency words and query syntax are already gone; stemming and stopwords happen later,
 * in the one analyzer shared with the index.
 *
 * @param raw        the text as typed (sanitised: control characters and HTML tags removed, capped)
 * @param terms      free words, in order
 * @param phrases    quoted phrases, each required
 * @param exclusions words or phrases after a leading minus, each forbidden
 * @param recency    what was said about time
 */
public record UserQuery(String raw, List<String> terms, List<String> phrases, List<String> exclusions,
        RecencyIntent recency) {

    public UserQuery {
        raw = raw == null ? "" : raw;
        terms = List.copyOf(terms);
        phrases = List.copyOf(phrases);
        exclusions = List.copyOf(exclusions);
        recency = recency == null ? RecencyIntent.NONE : recency;
    }

    /** True when nothing is left to search for (only exclusions or time words do not count). */
    public boolean hasNoPositiveWords() {
        return terms.isEmpty() && phrases.isEmpty();
    }

    /**
     * The need in a canonical, readable form ({@code "north korea" russia -sports}): used as the
     * subscription topic offered on a briefing and as the query carried in a paging cursor.
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (String p : phrases) {
            append(sb, '"' + p + '"');
        }
        for (String t : terms) {
            append(sb, t);
        }
        for (String e : exclusions) {
            append(sb, "-" + (e.contains(" ") ? '"' + e + '"' : e));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (!sb.isEmpty()) {
            sb.append(' ');
        }
        sb.append(s);
    }
}
