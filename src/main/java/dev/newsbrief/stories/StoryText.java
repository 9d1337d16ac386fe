package dev.newsbrief.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What story matching needs to know about one article, worked out once, in one pass over the
 * characters, from its headline and body: the hashes of its word 3-shingles (sorted, distinct),
 * the shingles of its first {@link #LEAD_SHINGLES} positions that its MinHash signature is taken
 * over, the words of each paragraph (as hashes of the lower-cased word), its figures, and the
 * names in its headline. Immutable and thread-safe; ingestion builds it on the preparing thread.
 */
public final class StoryText {
    /** Word n-gram length of a shingle. */
    static final int SHINGLE = 3;
    /**
     * The signature covers the shingles of the first 200 words: news is trimmed from the bottom
     * (inverted pyramid), so a shortened copy shares its lead with the full text, and capping the
     * set keeps the Jaccard similarity of a short copy and a long original from collapsing.
     */
    static final int LEAD_SHINGLES = 200;
    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "of", "to", "in", "on", "for", "and",
            "or", "but", "at", "by", "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its",
            "this", "that", "these", "those", "he", "she", "they", "we", "his", "her", "their", "our", "not",
            "no", "than", "then", "so", "said", "says", "say", "will", "would", "could", "should", "may", "can",
            "has", "have", "had", "do", "does", "did", "there", "which", "who", "what", "when", "where", "how",
            "also", "about", "into", "over", "after", "before", "up", "down", "out", "more", "most", "other",
            "some", "any", "all", "each", "per", "new", "year", "vs", "mln", "pct", "dlrs", "inc", "corp", "co",
            "ltd");

    /** The stop words' hashes, sorted for a binary search: no boxing in the per-word check. */
    private static final long[] STOPWORD_HASHES = STOPWORDS.stream().mapToLong(StoryText::hash).sorted().toArray();

    private final int wordCount;
    private final long[] ordered;
    private volatile long[] shingles;
    private final long[] leadShingles;
    private final List<long[]> paragraphWords;
    private volatile List<long[]> paragraphShingles;
    private final Set<String> numbers;
    private final List<Set<String>> paragraphNumbers;
    private final long[] headlineNames;
    private final long[] leadWords;
    private final long[] titleWords;
    private volatile int[] signature;

    private StoryText(Builder b, long[] ordered) {
        this.wordCount = b.words.size;
        this.ordered = ordered;
        this.leadShingles = Arrays.copyOf(ordered, Math.min(ordered.length, LEAD_SHINGLES));
        this.paragraphWords = List.copyOf(b.paragraphWords);
        this.numbers = Set.copyOf(b.numbers);
        this.paragraphNumbers = List.copyOf(b.paragraphNumbers);
        long[] title = new long[b.title.size];
        int n = 0;
        for (int i = 0; i < b.title.size; i++) {
            if (!isStopword(b.title.values[i])) {
                title[n++] = b.title.values[i];
            }
        }
        this.titleWords = sortedDistinct(title, 0, n);
        long[] names = new long[titleWords.length];
        int found = 0;
        for (long w : titleWords) {
            if (b.capitalised.contains(w)) {
                names[found++] = w;
            }
        }
        this.headlineNames = Arrays.copyOf(names, found);
        long[] lead = b.paragraphWords.isEmpty() ? new long[0] : b.paragraphWords.get(0);
        long[] leadAndTitle = Arrays.copyOf(lead, lead.length + b.title.size);
        System.arraycopy(b.title.values, 0, leadAndTitle, lead.length, b.title.size);
        this.leadWords = sortedDistinct(leadAndTitle, 0, leadAndTitle.length);
    }

    /** The story features of an article with this headline and body (paragraphs split by blank lines). */
    public static StoryText of(String title, String body) {
        Builder b = new Builder();
        for (String paragraph : paragraphs(body)) {
            b.paragraph(paragraph);
        }
        b.headline(title);
        return new StoryText(b, shinglesOf(b.words.toArray()));
    }

    /**
     * The paragraphs of {@code body}: the text between blank lines (a line break, any whitespace,
     * and a line break), as {@code body.split("\\n\\s*\\n")} gives them (empty ones aside, which
     * hold no words) without the regex engine's work on every character.
     */
    static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = body.length();
        int i = body.indexOf('\n');
        while (i >= 0) {
            int end = i + 1;
            int lastBreak = i;
            while (end < n && isRegexSpace(body.charAt(end))) {
                if (body.charAt(end) == '\n') {
                    lastBreak = end;
                }
                end++;
            }
            if (lastBreak > i) {
                out.add(body.substring(start, i));
                start = lastBreak + 1;
            }
            i = end < n ? body.indexOf('\n', end) : -1;
        }
        out.add(body.substring(start));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The characters of the regex class {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Number of words in the body. */
    public int wordCount() {
        return wordCount;
    }

    /**
     * Distinct shingle hashes, sorted; worked out when first compared (most new articles have no
     * candidate to be compared with) and kept.
     */
    long[] shingles() {
        long[] s = shingles;
        if (s == null) {
            s = sortedDistinct(ordered, 0, ordered.length);
            shingles = s;
        }
        return s;
    }

    /** Each paragraph's distinct shingles (those starting in it), sorted; worked out when first needed. */
    private List<long[]> paragraphShingles() {
        List<long[]> out = paragraphShingles;
        if (out == null) {
            List<long[]> perParagraph = new ArrayList<>();
            int at = 0;
            for (long[] p : paragraphWords) {
                int end = Math.min(ordered.length, at + p.length);
                perParagraph.add(sortedDistinct(ordered, Math.min(at, end), end));
                at += p.length;
            }
            out = List.copyOf(perParagraph);
            paragraphShingles = out;
        }
        return out;
    }

    /**
     * Its MinHash signature, worked out on first use and kept: ingestion asks for it on the
     * preparing thread ({@link #withSignature}), so the writer finds it ready.
     */
    int[] signature() {
        int[] s = signature;
        if (s == null) {
            s = MinHash.signature(leadShingles);
            signature = s;
        }
        return s;
    }

    /** This text with its signature worked out now (on the calling thread). */
    public StoryText withSignature() {
        signature();
        return this;
    }

    /** Hashes of the lower-cased words of each paragraph. */
    List<long[]> paragraphWords() {
        return paragraphWords;
    }

    /** Figures of the body ({@link #isFigure}), as written (thousands separators dropped). */
    Set<String> numbers() {
        return numbers;
    }

    /**
     * Numbers of the paragraphs that {@code other} covers (a quarter or more of their shingles are
     * in it): the part of this text the other retells, leaving out paragraphs it dropped.
     */
    Set<String> numbersCoveredBy(StoryText other) {
        Set<String> out = new HashSet<>();
        List<long[]> perParagraph = paragraphShingles();
        for (int p = 0; p < perParagraph.size(); p++) {
            long[] sh = perParagraph.get(p);
            if (sh.length > 0 && shared(sh, other.shingles()) * 4 >= sh.length) {
                out.addAll(paragraphNumbers.get(p));
            }
        }
        return out;
    }

    /** Words of the headline that the body writes as names (see {@link Builder#scan}), sorted hashes. */
    long[] headlineNames() {
        return headlineNames;
    }

    /** Words of the headline and the first paragraph, sorted hashes. */
    long[] leadWords() {
        return leadWords;
    }

    /** Words of the headline, stopwords aside, sorted hashes. */
    long[] titleWords() {
        return titleWords;
    }

    static boolean isStopword(long wordHash) {
        return Arrays.binarySearch(STOPWORD_HASHES, wordHash) >= 0;
    }

    /**
     * Share of this text's distinct shingles that {@code other} also has (its containment in
     * {@code other}); 0 for a text without shingles.
     */
    double containedIn(StoryText other) {
        long[] mine = shingles();
        return mine.length == 0 ? 0 : (double) shared(mine, other.shingles()) / mine.length;
    }

    /** Number of values two sorted, distinct arrays share. */
    static int shared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /**
     * Whether a number is a figure that tells one story from another (7.75, 1,229, 7-3/4, 430):
     * not a small whole number, which is as often a date, a count or "12 months" written for "a year".
     */
    static boolean isFigure(String number) {
        if (number.length() > 2) {
            return true;
        }
        return Integer.parseInt(number) >= 32;
    }

    /** Collects words, names and figures in one pass per paragraph. */
    private static final class Builder {
        final Words words = new Words();
        final List<long[]> paragraphWords = new ArrayList<>();
        final List<Set<String>> paragraphNumbers = new ArrayList<>();
        final Set<String> numbers = new HashSet<>();
        final Set<Long> capitalised = new HashSet<>();
        final Words title = new Words();
        private final Words found = new Words();

        void paragraph(String text) {
            found.size = 0;
            Set<String> figures = new HashSet<>();
            scan(text, found, capitalised, figures);
            if (found.size > 0) {
                long[] paragraph = found.toArray();
                words.addAll(paragraph);
                paragraphWords.add(paragraph);
                paragraphNumbers.add(figures.isEmpty() ? Set.of() : Set.copyOf(figures));
                numbers.addAll(figures);
            }
        }

        void headline(String text) {
            scan(text, title, new HashSet<>(), new HashSet<>());
        }

        /**
         * Hashes of the lower-cased words (letters and digits) of {@code text} into {@code out};
         * names into {@code names}: words written with a capital inside a sentence, or opening one
         * and followed by another capitalised word ("Diamond Shamrock said"), never from
         * all-capital text, which says nothing; figures as written (thousands separators dropped)
         * into {@code figures}.
         */
        private static void scan(String text, Words out, Set<Long> names, Set<String> figures) {
            boolean shouting = true;
            for (int i = 0; i < text.length() && shouting; i++) {
                shouting = !Character.isLowerCase(text.charAt(i));
            }
            boolean sentenceStart = true;
            long pendingOpener = 0; // a capitalised sentence opener: a name if the next word is capitalised too
            boolean pending = false;
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (!Character.isLetterOrDigit(c)) {
                    if (c == '.' || c == '!' || c == '?') {
                        sentenceStart = true;
                    }
                    i++;
                    continue;
                }
                int start = i;
                long h = FNV_OFFSET;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    h = (h ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
                    i++;
                }
                long word = mix(h);
                out.add(word);
                boolean nameLike = !shouting && Character.isUpperCase(c) && i - start > 1 && !isStopword(word);
                if (nameLike && !sentenceStart) {
                    names.add(word);
                    if (pending) {
                        names.add(pendingOpener);
                    }
                }
                pending = nameLike && sentenceStart;
                pendingOpener = word;
                if (Character.isDigit(c) && !continuesNumber(text, start)) {
                    String number = number(text, start);
                    if (isFigure(number)) {
                        figures.add(number);
                    }
                }
                sentenceStart = false;
            }
        }
    }

    /** A growable array of word hashes. */
    private static final class Words {
        long[] values = new long[64];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(long[] vs) {
            if (size + vs.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + vs.length));
            }
            System.arraycopy(vs, 0, values, size, vs.length);
            size += vs.length;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Whether the digits at {@code start} are the tail of a number already read (the 3 of 7-3/4). */
    private static boolean continuesNumber(String text, int start) {
        if (start < 2) {
            return false;
        }
        char sep = text.charAt(start - 1);
        return (sep == '.' || sep == ',' || sep == '/' || sep == '-') && Character.isDigit(text.charAt(start - 2));
    }

    /** The number starting at {@code start}: digits with inner '.', '/' or '-' (7-3/4, 5.93); ',' dropped (1,229). */
    private static String number(String text, int start) {
        StringBuilder sb = new StringBuilder();
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                sb.append(c);
            } else if ((c == '.' || c == ',' || c == '/' || c == '-') && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i + 1)) && sb.length() > 0) {
                if (c != ',') {
                    sb.append(c);
                }
            } else {
                break;
            }
            i++;
        }
        return sb.toString();
    }

    private static long[] sortedDistinct(long[] values, int from, int to) {
        long[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        int n = 0;
        for (int i = 0; i < copy.length; i++) {
            if (i == 0 || copy[i] != copy[i - 1]) {
                copy[n++] = copy[i];
            }
        }
        return Arrays.copyOf(copy, n);
    }

    private static long[] shinglesOf(long[] words) {
        if (words.length < SHINGLE) {
            return words.length == 0 ? new long[0] : new long[] {combine(words, 0, words.length)};
        }
        long[] out = new long[words.length - SHINGLE + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = combine(words, i, SHINGLE);
        }
        return out;
    }

    private static long combine(long[] words, int from, int count) {
        long h = words[from];
        for (int j = 1; j < count; j++) {
            h = mix(h * 31 + words[from + j]);
        }
        return h;
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** FNV-1a over the lower-cased characters, then a MurmurHash3 finaliser so every bit depends on every char. */
    static long hash(String s) {
        long h = FNV_OFFSET;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ Character.toLowerCase(s.charAt(i))) * FNV_PRIME;
        }
        return mix(h);
    }

    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53d2ce3L;
        k ^= k >>> 33;
        return k;
    }
}
