package dev.newsbrief.index;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one sentence splitter of newsbrief: passages, briefings and alerts all cut text into
 * sentences here, so a sentence quoted in an answer or an alert is the same sentence the index
 * holds.
 *
 * <p>The JDK's English sentence rules ({@link BreakIterator}) find the candidate breaks; a break
 * right after an abbreviation is then undone when the text goes on:
 * <ul>
 *   <li>titles ("Mr.", "Dr.", "Sen.", "Gov."...), "vs." and "e.g." never end a sentence;</li>
 *   <li>a month ("Jan.", "Sept.") or "No." ends one only when no number (a day, a year) follows;</li>
 *   <li>initials and initialisms ("U.S.", "U.K.", "J.P."), company and state abbreviations
 *       ("Corp.", "Inc.", "Ltd.", "Calif.") end one only when a word that typically opens a
 *       sentence follows ("The", "He", "But"...). News copy often capitalises the word after them
 *       anyway ("the U.S. Treasury", "U.K. Firms"), so a capital letter alone proves nothing.</li>
 * </ul>
 * Thread-safe: each call uses its own {@link BreakIterator}.
 */
public final class SentenceSplitter {
    /** A sentence's character range {@code [start, end)} in the text, whitespace excluded. */
    public record Span(int start, int end) {
    }

    /** Never end a sentence: what follows them belongs to them. */
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "sen",
            "rep", "gov", "lt", "col", "capt", "sgt", "rev", "st", "adm", "maj", "cmdr", "hon", "pres", "supt",
            "insp", "gens", "sens", "reps", "vs", "e.g", "i.e", "cf", "approx", "mt");
    /** End a sentence only when no number (a day, a year, a count) follows: "Jan. 5", "No. 2". */
    private static final Set<String> BEFORE_NUMBERS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "fig", "figs", "pp");
    /** End a sentence only before a typical sentence opener (besides initials such as "U.S." or "J."). */
    private static final Set<String> SOFT = Set.of("corp", "inc", "co", "cos", "ltd", "plc", "bros", "pty", "mfg",
            "assn", "intl", "dept", "jr", "sr", "etc", "al", "ave", "blvd", "calif", "conn", "mass", "mich", "okla", "tex",
            "fla", "ill", "penn", "wash", "ariz", "colo", "minn", "wis", "ga", "va", "ky", "la", "md", "mo", "neb",
            "nev", "ore", "tenn", "ind", "kan", "miss", "del", "ala", "ark", "vt", "wyo", "ont", "que", "alta", "sask",
            "man", "n.y", "n.j", "d.c");
    /** Words that usually open a sentence and rarely follow an abbreviation inside one. */
    private static final Set<String> OPENERS = Set.of("the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
            "this", "that", "these", "those", "there", "its", "his", "her", "their", "our", "but", "however",
            "meanwhile", "earlier", "later", "separately", "yet", "thus", "still");

    private SentenceSplitter() {
    }

    /** The sentences of {@code text}, stripped, in order. */
    public static List<String> sentences(String text) {
        List<Span> spans = spans(text);
        List<String> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            out.add(text.substring(s.start(), s.end()));
        }
        return out;
    }

    /** Where the sentences of {@code text} are, in order; each span is stripped of surrounding whitespace. */
    public static List<Span> spans(String text) {
        return spans(text, BreakIterator.getSentenceInstance(Locale.ENGLISH));
    }

    /** Like {@link #spans(String)} with a caller's iterator (reused across paragraphs of one article). */
    static List<Span> spans(String text, BreakIterator it) {
        List<Span> out = new ArrayList<>();
        it.setText(text);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (end < text.length() && continuesAfter(text, start, end)) {
                continue;
            }
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                out.add(new Span(s, e));
            }
            start = end;
        }
        return out;
    }

    /**
     * Whether the candidate sentence {@code [start, end)} ends with an abbreviation and the text
     * after {@code end} goes on with the same sentence.
     */
    private static boolean continuesAfter(String text, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e <= start || text.charAt(e - 1) != '.') {
            return false;
        }
        int w = e - 1;
        while (w > start && !Character.isWhitespace(text.charAt(w - 1)) && text.charAt(w - 1) != '('
                && text.charAt(w - 1) != '"') {
            w--;
        }
        String word = text.substring(w, e - 1); // without the final period
        if (word.isEmpty()) {
            return false;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String next = nextWord(text, end);
        if (TITLES.contains(lower)) {
            return true;
        }
        if (BEFORE_NUMBERS.contains(lower)) {
            return !next.isEmpty() && Character.isDigit(next.charAt(0));
        }
        if (SOFT.contains(lower) || isInitials(word)) {
            return !next.isEmpty() && !OPENERS.contains(next.toLowerCase(Locale.ROOT));
        }
        return false;
    }

    /** "U.S", "U.K", "J.P", "F", "N.Z" (the final period already removed): letters each followed by a period. */
    private static boolean isInitials(String word) {
        if (word.length() == 1) {
            return Character.isUpperCase(word.charAt(0));
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean letterSlot = i % 2 == 0;
            if (letterSlot ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return word.length() % 2 == 1;
    }

    /** The word starting at the first non-space character at or after {@code from}, letters and digits only. */
    private static String nextWord(String text, int from) {
        int i = from;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '"'
                || text.charAt(i) == '\u201C' || text.charAt(i) == '(')) {
            i++;
        }
        int j = i;
        while (j < text.length() && Character.isLetterOrDigit(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j);
    }
}
