package dev.newsbrief.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import com.optimaize.langdetect.text.TextObjectFactory;
import dev.newsbrief.core.NewsbriefException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells which language a text is written in, with the n-gram profiles of the optimaize
 * language-detector (shipped in its jar; nothing is downloaded). Chosen over lingua for its speed
 * (about 0.2 ms an article, against 20 ms) and its memory (37 MiB for {@link Languages#DETECTED},
 * against 46 MiB for lingua's low-accuracy models and over 1 GiB for its high-accuracy ones) at
 * the same accuracy on articles; see docs/LANGUAGES.md. The detector is deterministic (a fixed
 * seed) and thread-safe; load it once per process.
 *
 * <p>An article's declared language (feed, page) is a hint, weighed against its text:
 * {@link #ofArticle}. A query is too short to decide alone, so it yields weights rather than one
 * language, with the user's language as a prior: {@link #ofQuery}.
 */
public final class LanguageDetector {
    /**
     * Articles are judged on their first characters (cut at a word boundary): enough for a sure
     * answer, and bounded work. The detector's cost grows with the sample (its n-grams are all
     * extracted); 600 characters judged the labelled articles as well as 1,500 (docs/BENCHMARKS.md).
     */
    static final int ARTICLE_SAMPLE_CHARS = 1000;
    /**
     * Text in which at least this share of the words are English function words ("the", "of",
     * "said"...) is English without asking the detector. English news prose holds 15-25% of them;
     * other languages, even ones sharing the Latin script, well under 5%. The detector's seven
     * random trials cost about 0.1 ms an article, the larger part of ingest's preparing work on an
     * English corpus.
     */
    static final double PLAIN_ENGLISH_SHARE = 0.12;
    /** Fewer words than this are not counted for the plain-English test; the detector decides. */
    static final int PLAIN_ENGLISH_MIN_WORDS = 20;
    /**
     * Frequent English words that are not also frequent words of another detected language ("a",
     * "in", "is", "to", "was" and "an" are: Spanish, German, Dutch, Polish).
     */
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "of", "and", "that", "with", "said",
            "from", "which", "were", "have", "has", "been", "would", "their", "this", "for", "by");
    /** {@link #ENGLISH_FUNCTION_WORDS} as {@link #key}s, sorted: the per-word check allocates nothing. */
    private static final long[] ENGLISH_FUNCTION_KEYS = ENGLISH_FUNCTION_WORDS.stream()
            .mapToLong(w -> key(w, 0, w.length())).sorted().toArray();
    /** Fewer letters than this say too little; the declared language (if any) is taken instead. */
    static final int MIN_ARTICLE_LETTERS = 40;
    /**
     * Text with fewer letters than this share of its visible characters is mostly figures (a
     * results table: "Shr 45 cts vs 58 cts Net 1.1 mln"), which says nothing reliable about its
     * language; the declared language (if any) is taken instead.
     */
    static final double MIN_LETTER_SHARE = 0.65;
    /** The detector's best guess must be at least this likely to be believed without a hint. */
    static final double SURE = 0.5;
    /**
     * Text whose {@link Prose} holds less than this share of its letters is a figure table (a
     * results table, a price list, a freight list): its words are mostly abbreviations and names
     * between numbers, which the detector's n-grams take for a foreign language (English earnings
     * tables for Swedish or German). News prose, numbers and all, keeps most of its letters in
     * prose: 13 of the 2,053 extraction pages and feed items fall under this share (listings,
     * results lists), and nearly all of Reuters' earnings tables under 0.4.
     */
    static final double MIN_PROSE_SHARE = 0.6;
    /**
     * A table is judged by its prose alone, when that holds at least this many letters (a note,
     * a clause) and the detector is at least {@link #TABLE_PROSE_SURE} sure of it, and the whole
     * text's guesses include that language too: two views of the text agreeing. Otherwise the
     * table says too little, like a text of a few words: the declared language, else "und".
     */
    static final int MIN_TABLE_PROSE_LETTERS = 30;
    /** How sure the detector must be of a table's prose; see {@link #MIN_TABLE_PROSE_LETTERS}. */
    static final double TABLE_PROSE_SURE = 0.9;

    private final com.optimaize.langdetect.LanguageDetector detector;
    /**
     * Texts are cleaned text already (ingest strips markup), so optimaize's URL and e-mail filter,
     * a costly regular expression over every text, is left out; characters of a script that makes
     * up under 30% of the text (a Latin name in Russian) are still ignored.
     */
    private final TextObjectFactory longText = new TextObjectFactoryBuilder().maxTextLength(ARTICLE_SAMPLE_CHARS)
            .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(0.3)).build();
    private final TextObjectFactory shortText = CommonTextObjectFactories.forDetectingShortCleanText();

    private LanguageDetector(com.optimaize.langdetect.LanguageDetector detector) {
        this.detector = detector;
    }

    /**
     * The detector shared by a process, loaded on first use. The profiles are immutable data, so
     * every ingester and query path of a process (and every test in one JVM) can share one copy
     * instead of loading 37 MiB each.
     */
    public static LanguageDetector shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final LanguageDetector INSTANCE = load();
    }

    /** Loads the profiles of {@link Languages#DETECTED} (about a second, 37 MiB). */
    public static LanguageDetector load() {
        List<LdLocale> locales = new ArrayList<>();
        for (String code : Languages.DETECTED) {
            if (code.equals("zh")) {
                locales.add(LdLocale.fromString("zh-CN"));
                locales.add(LdLocale.fromString("zh-TW"));
            } else {
                locales.add(LdLocale.fromString(code));
            }
        }
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(locales);
            return new LanguageDetector(LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(profiles).build());
        } catch (IOException e) {
            throw new NewsbriefException("cannot load the language profiles: " + e.getMessage(), e);
        }
    }

    /** The likely languages of {@code text}, most likely first; empty when it has no letters to judge. */
    public List<LanguageGuess> guesses(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String sample = articleSample(text);
        TextObjectFactory factory = sample.length() > 200 ? longText : shortText;
        Map<String, Double> merged = new LinkedHashMap<>();
        for (DetectedLanguage d : detector.getProbabilities(factory.forText(sample))) {
            // zh-CN and zh-TW are both Chinese to the analyzers
            merged.merge(d.getLocale().getLanguage(), d.getProbability(), Double::sum);
        }
        List<LanguageGuess> out = new ArrayList<>();
        merged.forEach((code, p) -> out.add(new LanguageGuess(code, Math.min(1.0, p))));
        out.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return out;
    }

    /**
     * The language of an article: the detector's, unless the text is too short or too full of
     * figures to judge, or ambiguous, when the declared language decides. A declared language the text contradicts
     * (a page marked {@code en} whose text is German) is overruled. A figure table (too little
     * {@link Prose}: {@link #MIN_PROSE_SHARE}) is judged by its prose alone, and says too little
     * when that is short or uncertain ({@link #MIN_TABLE_PROSE_LETTERS}).
     *
     * @param declared the feed's or page's language tag, or null
     * @return an ISO 639-1 code, or {@link Languages#UNDETERMINED}
     */
    public String ofArticle(String title, String body, String declared) {
        String hint = Languages.fromTag(declared);
        String text = (title == null ? "" : title + "\n\n") + (body == null ? "" : body);
        String sample = articleSample(text);
        int letters = letters(sample);
        if (letters < MIN_ARTICLE_LETTERS || letters < MIN_LETTER_SHARE * visible(sample)) {
            return hint == null ? Languages.UNDETERMINED : hint;
        }
        if ((hint == null || hint.equals(Languages.ENGLISH)) && plainlyEnglish(sample)) {
            return Languages.ENGLISH;
        }
        List<LanguageGuess> guesses = guesses(sample);
        Prose prose = Prose.of(sample);
        if (prose.letters() < MIN_PROSE_SHARE * letters) {
            String said = proseLanguage(prose, guesses);
            if (said == null) {
                return hint == null ? Languages.UNDETERMINED : hint;
            }
            guesses = List.of(new LanguageGuess(said, 1.0)); // the declared language still wins if it is this one
        }
        if (hint != null && guesses.stream().anyMatch(g -> g.language().equals(hint))) {
            return hint;
        }
        if (!guesses.isEmpty() && guesses.get(0).probability() >= SURE) {
            return Languages.orUndetermined(guesses.get(0).language());
        }
        return hint == null ? Languages.UNDETERMINED : hint;
    }

    /**
     * How much each language should count when searching for {@code text}: the detector's
     * guesses, mixed with the user's language ({@code prior}, e.g. Telegram's
     * {@code language_code}), which weighs more the shorter the text is.
     *
     * @param prior the user's language tag, or null
     */
    public LanguageWeights ofQuery(String text, String prior) {
        String hint = Languages.fromTag(prior);
        List<LanguageGuess> guesses = letters(text) == 0 ? List.of() : guesses(text);
        int words = text == null ? 0 : text.strip().split("\\s+").length;
        // one or two words are ambiguous; a whole sentence mostly speaks for itself
        double priorShare = hint == null ? 0 : words <= 2 ? 0.6 : words <= 5 ? 0.4 : 0.25;
        Map<String, Double> mixed = new LinkedHashMap<>();
        for (LanguageGuess g : guesses) {
            mixed.merge(g.language(), (1 - priorShare) * g.probability(), Double::sum);
        }
        if (hint != null) {
            mixed.merge(hint, priorShare, Double::sum);
        }
        return LanguageWeights.of(mixed);
    }

    /**
     * The language of a table's prose alone, when it is long enough and sure
     * ({@link #MIN_TABLE_PROSE_LETTERS}) and among the {@code whole} text's guesses; else null.
     */
    private String proseLanguage(Prose prose, List<LanguageGuess> whole) {
        if (prose.letters() < MIN_TABLE_PROSE_LETTERS) {
            return null;
        }
        List<LanguageGuess> alone = guesses(prose.text());
        if (alone.isEmpty() || alone.get(0).probability() < TABLE_PROSE_SURE) {
            return null;
        }
        String language = alone.get(0).language();
        return whole.stream().anyMatch(g -> g.language().equals(language)) ? language : null;
    }

    /** The first {@link #ARTICLE_SAMPLE_CHARS} characters of {@code text}, cut at the last space within them. */
    static String articleSample(String text) {
        if (text.length() <= ARTICLE_SAMPLE_CHARS) {
            return text;
        }
        int cut = ARTICLE_SAMPLE_CHARS;
        while (cut > ARTICLE_SAMPLE_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut > ARTICLE_SAMPLE_CHARS / 2 ? cut : ARTICLE_SAMPLE_CHARS);
    }

    /** Whether at least {@link #PLAIN_ENGLISH_SHARE} of the (at least 20) words of {@code sample} are English function words. */
    static boolean plainlyEnglish(String sample) {
        int words = 0;
        int english = 0;
        int i = 0;
        int n = sample.length();
        while (i < n) {
            while (i < n && !Character.isLetter(sample.charAt(i))) {
                i++;
            }
            int start = i;
            boolean ascii = true;
            while (i < n && Character.isLetter(sample.charAt(i))) {
                ascii &= sample.charAt(i) < 128;
                i++;
            }
            if (i > start) {
                words++;
                int length = i - start;
                if (ascii && length >= 2 && length <= 5
                        && Arrays.binarySearch(ENGLISH_FUNCTION_KEYS, key(sample, start, i)) >= 0) {
                    english++;
                }
            }
        }
        return words >= PLAIN_ENGLISH_MIN_WORDS && english >= PLAIN_ENGLISH_SHARE * words;
    }

    /**
     * A word of at most 7 ASCII letters as a number: its length, then each letter lower-cased in
     * 8 bits. Two such words have the same key exactly when they are equal ignoring case.
     */
    private static long key(CharSequence s, int start, int end) {
        long key = end - start;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            key = (key << 8) | (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
        return key;
    }

    private static int visible(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    static int letters(String text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
