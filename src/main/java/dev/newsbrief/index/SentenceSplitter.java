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
 *   <li>A break inside a word is never one: the JDK cuts "the U.S.'s deficit" after the
 *       apostrophe, and "U.S.-made" before the hyphen.</li>
 *   <li>The same holds in the other languages we index: German, Spanish, Portuguese and French
 *       titles ("Sra.", "Dr.", "Mag."), abbreviations ("bzw.", "Mrd.", "Mio.", "Nr. 5", "EE. UU."),
 *       letter pairs ("z. B.", "d. h.", "u. a.", "p. ex."), and ordinal numbers, which German writes
 *       with a period: "am 1. Januar", "ab 30. Oktober", "der 2. Platz". A one- or two-digit number
 *       with a period goes on when a month follows, or when an article or preposition that takes an
 *       ordinal comes before it, or a weekday and a comma ("Freitag, 19. November"), and no sentence
 *       opener after it ("Sie wurde 2. Die ..." still ends).</li>
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
            "insp", "gens", "sens", "reps", "vs", "e.g", "i.e", "cf", "approx", "mt",
            // German, Spanish, Portuguese, French
            "hr", "hrn", "dipl", "ing", "mag", "univ", "bzw", "ca", "vgl", "sog", "ggf", "inkl", "zzgl", "evtl",
            "bspw", "ehem", "gegr", "geb", "z.b", "d.h", "u.a", "o.ä", "v.a", "sra", "sras", "srta", "sres", "dra",
            "dña", "av", "avda", "ee", "mlle", "p.ex", "env");
    /** End a sentence only when no number (a day, a year, a count) follows: "Jan. 5", "No. 2". */
    private static final Set<String> BEFORE_NUMBERS = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec", "no", "nos", "vol", "vols", "fig", "figs", "pp", "nr", "abs", "art", "bd",
            "kap", "ziff", "nº", "n.º", "núm", "tel");
    /** End a sentence only before a typical sentence opener (besides initials such as "U.S." or "J."). */
    private static final Set<String> SOFT = Set.of("corp", "inc", "co", "cos", "ltd", "plc", "bros", "pty", "mfg",
            "assn", "intl", "dept", "jr", "sr", "etc", "al", "ave", "blvd", "calif", "conn", "mass", "mich", "okla", "tex",
            "fla", "ill", "penn", "wash", "ariz", "colo", "minn", "wis", "ga", "va", "ky", "la", "md", "mo", "neb",
            "nev", "ore", "tenn", "ind", "kan", "miss", "del", "ala", "ark", "vt", "wyo", "ont", "que", "alta", "sask",
            "man", "n.y", "n.j", "d.c", "mrd", "mio", "tsd", "bio", "jh", "jhd", "usw", "str", "std", "ltda", "cia",
            "uu", "gob");
    /** Words that usually open a sentence and rarely follow an abbreviation inside one. */
    private static final Set<String> OPENERS = Set.of("the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
            "this", "that", "these", "those", "there", "its", "his", "her", "their", "our", "but", "however",
            "meanwhile", "earlier", "later", "separately", "yet", "thus", "still",
            // German, Spanish, Portuguese, French
            "der", "die", "das", "er", "sie", "es", "ich", "wir", "aber", "doch", "dies", "diese", "dieser", "ein",
            "eine", "dann", "deshalb", "zudem", "außerdem", "nun", "el", "la", "los", "las", "él", "ella", "pero",
            "este", "esta", "o", "os", "as", "ele", "ela", "eles", "elas", "mas", "isso", "le", "les", "il", "elle",
            "ils", "elles", "mais", "ce", "cette");
    /**
     * Month names (German, Spanish, Portuguese, French, Italian, Dutch) that are not English words:
     * "1. Januar" goes on. "1. April" goes on only after a word that takes an ordinal ("am 1. April"),
     * as "rose 5. April sales ..." may end an English sentence.
     */
    private static final Set<String> MONTHS = Set.of("januar", "jänner", "februar", "feber", "märz", "mai",
            "juni", "juli", "oktober", "dezember", "mär", "okt", "dez", "enero", "febrero", "marzo", "abril", "mayo", "junio",
            "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "janeiro", "fevereiro",
            "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro", "janvier", "février",
            "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "gennaio",
            "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre", "januari",
            "februari", "maart", "mei", "augustus");
    /** Month names German shares with English: a day before them goes on only when a year follows. */
    private static final Set<String> ENGLISH_MONTHS = Set.of("january", "february", "march", "april", "may", "june",
            "july", "august", "september", "october", "november", "december");
    /** Words before a German ordinal number: "am 3.", "ab 1.", "der 2.", "zum 5.", "Sonntag, 12.". */
    private static final Set<String> BEFORE_ORDINALS = Set.of("am", "ab", "bis", "vom", "zum", "zur", "der", "die",
            "das", "den", "dem", "des", "seit", "beim", "im", "ins", "jeden", "jede", "jeder", "jedes", "ihr", "ihre",
            "ihrem", "ihren", "sein", "seine", "seinem", "seinen", "vor", "nach", "für", "und", "oder", "montag",
            "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag");

    /** German weekdays, which a date follows after a comma: "am Freitag, 19. November, ...". */
    private static final Set<String> WEEKDAYS = Set.of("montag", "dienstag", "mittwoch", "donnerstag", "freitag",
            "samstag", "sonntag");

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
     * Whether {@code c}, right after a break with no space before it, goes on with the same word:
     * a lower-case letter ("U.S.'s"), a hyphen ("U.S.-made") or a slash ("Norf./Phil.").
     */
    private static boolean continuesWord(char c) {
        return Character.isLowerCase(c) || c == '-' || c == '/';
    }

    /**
     * Whether the candidate sentence {@code [start, end)} ends with an abbreviation and the text
     * after {@code end} goes on with the same sentence.
     */
    private static boolean continuesAfter(String text, int start, int end) {
        if (!Character.isWhitespace(text.charAt(end - 1)) && continuesWord(text.charAt(end))) {
            return true; // a break inside a word: "the U.S.'s deficit" is cut after the apostrophe
        }
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
        if (lower.length() == 1 && Character.isLetter(lower.charAt(0))
                && (Character.isLowerCase(word.charAt(0)) || isLetterAndPeriod(text, start, w))) {
            return true; // "z. B.", "d. h.", "u. a.", "p. ex.": a lower-case letter, or the second of a pair
        }
        if (word.length() <= 2 && isDigits(word)) {
            String lowerNext = next.toLowerCase(Locale.ROOT);
            return MONTHS.contains(lowerNext)
                    || (ENGLISH_MONTHS.contains(lowerNext) && isYear(nextWord(text, text.indexOf(next, end) + next.length())))
                    || (!next.isEmpty() && (BEFORE_ORDINALS.contains(previousWord(text, start, w))
                            || WEEKDAYS.contains(weekdayBefore(text, start, w)))
                            && !OPENERS.contains(lowerNext));
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

    /** "1987", "2023": a year after a day and a month ("Sonntag, 12. November 2023"). */
    private static boolean isYear(String word) {
        return word.length() == 4 && isDigits(word) && (word.startsWith("19") || word.startsWith("20"));
    }

    private static boolean isDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return !word.isEmpty();
    }

    /** Whether the token before {@code wordStart} (within the sentence from {@code start}) is one letter and a period. */
    private static boolean isLetterAndPeriod(String text, int start, int wordStart) {
        int e = wordStart;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e - start >= 2 && text.charAt(e - 1) == '.' && Character.isLetter(text.charAt(e - 2))
                && (e - 2 == start || !Character.isLetterOrDigit(text.charAt(e - 3)));
    }

    /** The word (letters only, lower case) before {@code wordStart}, within the sentence from {@code start}. */
    /** The word before {@code wordStart} when a comma follows it ("Freitag, 19."), else "". */
    private static String weekdayBefore(String text, int start, int wordStart) {
        int e = wordStart;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        return e > start && text.charAt(e - 1) == ',' ? previousWord(text, start, e - 1) : "";
    }

    private static String previousWord(String text, int start, int wordStart) {
        int e = wordStart;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > start && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return text.substring(b, e).toLowerCase(Locale.ROOT);
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
