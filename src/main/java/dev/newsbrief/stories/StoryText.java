package dev.newsbrief.stories;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What story matching needs to know about one article, worked out once from its headline and
 * body: the hashes of its word 3-shingles (sorted, distinct), the shingles of its first
 * {@link #LEAD_SHINGLES} positions that its MinHash signature is taken over, the words of each
 * paragraph, its numbers, and the names in its headline. Immutable and thread-safe; ingestion
 * builds it on the preparing thread.
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

    private final int wordCount;
    private final long[] shingles;
    private final long[] leadShingles;
    private final List<String[]> paragraphWords;
    private final List<long[]> paragraphShingles;
    private final Set<String> numbers;
    private final List<Set<String>> paragraphNumbers;
    private final Set<String> headlineNames;
    private final Set<String> leadWords;
    private final Set<String> titleWords;

    private StoryText(int wordCount, long[] shingles, long[] leadShingles, List<String[]> paragraphWords,
            List<long[]> paragraphShingles, Set<String> numbers, List<Set<String>> paragraphNumbers,
            Set<String> headlineNames, Set<String> leadWords, Set<String> titleWords) {
        this.wordCount = wordCount;
        this.shingles = shingles;
        this.leadShingles = leadShingles;
        this.paragraphWords = paragraphWords;
        this.paragraphShingles = paragraphShingles;
        this.numbers = numbers;
        this.paragraphNumbers = paragraphNumbers;
        this.headlineNames = headlineNames;
        this.leadWords = leadWords;
        this.titleWords = titleWords;
    }

    /** The story features of an article with this headline and body (paragraphs split by blank lines). */
    public static StoryText of(String title, String body) {
        List<String[]> paragraphs = new ArrayList<>();
        List<String> all = new ArrayList<>();
        Set<String> capitalised = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        List<Set<String>> paragraphNumbers = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            List<String> words = new ArrayList<>();
            Set<String> found = new HashSet<>();
            scan(paragraph, words, capitalised, found);
            if (!words.isEmpty()) {
                paragraphNumbers.add(Set.copyOf(found));
                paragraphs.add(words.toArray(String[]::new));
                all.addAll(words);
                numbers.addAll(found);
            }
        }
        List<String> titleWords = new ArrayList<>();
        scan(title, titleWords, new HashSet<>(), new HashSet<>());
        Set<String> names = new HashSet<>();
        for (String w : titleWords) {
            if (capitalised.contains(w)) {
                names.add(w);
            }
        }
        Set<String> lead = new HashSet<>(titleWords);
        if (!paragraphs.isEmpty()) {
            lead.addAll(Arrays.asList(paragraphs.get(0)));
        }
        long[] wordHashes = all.stream().mapToLong(StoryText::hash).toArray();
        long[] ordered = shinglesOf(wordHashes);
        List<long[]> paragraphShingles = new ArrayList<>();
        int at = 0;
        for (String[] p : paragraphs) {
            // the shingles starting in this paragraph
            int end = Math.min(ordered.length, at + p.length);
            paragraphShingles.add(Arrays.stream(ordered, Math.min(at, end), end).sorted().distinct().toArray());
            at += p.length;
        }
        long[] leadShingles = Arrays.copyOf(ordered, Math.min(ordered.length, LEAD_SHINGLES));
        long[] distinct = Arrays.stream(ordered).sorted().distinct().toArray();
        Set<String> headline = new HashSet<>();
        for (String w : titleWords) {
            if (!STOPWORDS.contains(w)) {
                headline.add(w);
            }
        }
        return new StoryText(all.size(), distinct, leadShingles, List.copyOf(paragraphs), List.copyOf(paragraphShingles),
                Set.copyOf(numbers), List.copyOf(paragraphNumbers), Set.copyOf(names), Set.copyOf(lead),
                Set.copyOf(headline));
    }

    /** Number of words in the body. */
    public int wordCount() {
        return wordCount;
    }

    /** Distinct shingle hashes, sorted. */
    long[] shingles() {
        return shingles;
    }

    /** Shingle hashes of the lead, in text order (repeats possible): what the signature covers. */
    long[] leadShingles() {
        return leadShingles;
    }

    List<String[]> paragraphWords() {
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
        for (int p = 0; p < paragraphShingles.size(); p++) {
            long[] sh = paragraphShingles.get(p);
            if (sh.length > 0 && shared(sh, other.shingles) * 4 >= sh.length) {
                out.addAll(paragraphNumbers.get(p));
            }
        }
        return out;
    }

    /** Words of the headline that the body writes capitalised: the names the story is about. */
    Set<String> headlineNames() {
        return headlineNames;
    }

    /** Words of the headline, stopwords aside. */
    Set<String> titleWords() {
        return titleWords;
    }

    /** Words of the headline and the first paragraph. */
    Set<String> leadWords() {
        return leadWords;
    }

    static boolean isStopword(String word) {
        return STOPWORDS.contains(word);
    }

    /**
     * Share of this text's distinct shingles that {@code other} also has (its containment in
     * {@code other}); 0 for a text without shingles.
     */
    double containedIn(StoryText other) {
        return shingles.length == 0 ? 0 : (double) shared(shingles, other.shingles) / shingles.length;
    }

    private static int shared(long[] a, long[] b) {
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
     * Lower-cased words (letters and digits) of {@code text} into {@code words}; names into
     * {@code capitalised}: words written with a capital inside a sentence, or opening one and
     * followed by another capitalised word ("Diamond Shamrock said"), never from all-capital text,
     * which says nothing; figures as written (thousands separators dropped) into {@code numbers}.
     */
    private static void scan(String text, List<String> words, Set<String> capitalised, Set<String> numbers) {
        boolean shouting = !text.chars().anyMatch(Character::isLowerCase);
        boolean sentenceStart = true;
        String pendingInitial = null; // a capitalised sentence opener: a name if the next word is capitalised too
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
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i).toLowerCase(Locale.ROOT);
            words.add(word);
            boolean nameLike = !shouting && Character.isUpperCase(c) && word.length() > 1
                    && !STOPWORDS.contains(word);
            if (nameLike && !sentenceStart) {
                capitalised.add(word);
                if (pendingInitial != null) {
                    capitalised.add(pendingInitial);
                }
            }
            pendingInitial = nameLike && sentenceStart ? word : null;
            if (Character.isDigit(c) && !continuesNumber(text, start)) {
                String number = number(text, start);
                if (isFigure(number)) {
                    numbers.add(number);
                }
            }
            sentenceStart = false;
        }
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

    /** Whether the digits at {@code start} are the tail of a number already read (the 3 of 7-3/4). */
    private static boolean continuesNumber(String text, int start) {
        if (start < 2) {
            return false;
        }
        char sep = text.charAt(start - 1);
        return (sep == '.' || sep == ',' || sep == '/' || sep == '-') && Character.isDigit(text.charAt(start - 2));
    }

    /** The number starting at {@code start}: digits with inner '.', ',', '/' or '-' (7-3/4, 1,229, 5.93). */
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

    /** FNV-1a over the characters, then a MurmurHash3 finaliser so every bit depends on every char. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
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
