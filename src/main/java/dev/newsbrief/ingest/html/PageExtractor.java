package dev.newsbrief.ingest.html;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The main text of a web page, by content scoring in the family of Readability and trafilatura:
 * guarded removal of chrome ({@link Removal}), candidate scoring ({@link CandidateScorer}),
 * cleaning inside the chosen article ({@link ContentCleaner}) and text collection
 * ({@link TextAssembler}). When the strict rules leave too little text they are undone and the
 * page is read again with looser ones; JSON-LD {@code articleBody} is the last resort.
 * Thread-safe.
 */
public final class PageExtractor {
    /** Less text than this (characters other than white space) means the page holds no article. */
    static final int MIN_ARTICLE_CHARS = 80;
    /** A pass that keeps this much text is taken without trying looser rules (Readability's threshold). */
    private static final int ENOUGH_CHARS = 500;

    /** A looser pass replaces a stricter one only when it keeps this many times more text. */
    private static final int LOOSER_GAIN = 4;

    private final PageLimits limits;
    private final ClassHints.Cache hints = new ClassHints.Cache();

    public PageExtractor(PageLimits limits) {
        this.limits = limits;
    }

    public PageExtractor() {
        this(PageLimits.DEFAULTS);
    }

    /** Extracts the article of {@code html}; {@code baseUrl} (or null) resolves relative links. */
    public PageResult extract(String html, String baseUrl) {
        if (html.length() > limits.maxChars()) {
            return new PageResult.Skipped(String.format(Locale.ROOT, "page too large: %.1f M characters of HTML "
                    + "(the extractor reads at most %.1f M)", html.length() / 1048576.0,
                    limits.maxChars() / 1048576.0));
        }
        if (looksBinary(html)) {
            return new PageResult.Skipped("binary content (not text)");
        }
        int tags = startTags(html, limits.maxTags());
        if (tags > limits.maxTags()) {
            return new PageResult.Skipped(String.format(Locale.ROOT, "page too complex: more than %,d tags",
                    limits.maxTags()));
        }
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        Element body = doc.body();
        DomIndex index;
        try {
            index = DomIndex.of(body, limits.maxDepth(), hints);
        } catch (DomIndex.TooDeep e) {
            return new PageResult.Skipped(String.format(Locale.ROOT, "page nested too deeply: more than %,d levels "
                    + "of elements", limits.maxDepth()));
        }
        PageMetadata metadata = PageMetadata.of(doc, baseUrl);
        String text = mainText(index);
        String ld = JsonLdBody.text(metadata.articleBody());
        if (letters(text) < ENOUGH_CHARS && ld != null && letters(ld) > 2 * letters(text)) {
            text = ld;
        }
        if (letters(text) < MIN_ARTICLE_CHARS) {
            return new PageResult.Skipped(index.blocks.isEmpty() ? "no article content: the page has no visible text"
                    : "no article content: largest text block " + largestBlock(index) + " characters");
        }
        return new PageResult.Article(metadata, text);
    }

    /**
     * The text of the strictest pass, unless it keeps too little: then a looser pass replaces it, but
     * only when it keeps several times more text (a short article is better than a page of chrome).
     */
    private static String mainText(DomIndex index) {
        if (index.size() == 0) {
            return "";
        }
        TextStats page = new TextStats(index, Removal.none(index));
        String best = null;
        for (Removal.Level level : Removal.Level.values()) {
            boolean[] removed = Removal.mark(index, page, level);
            TextStats stats = level == Removal.Level.NONE ? page : new TextStats(index, removed);
            CandidateScorer scorer = new CandidateScorer(index, removed, stats);
            CandidateScorer.Selection selection = scorer.select();
            if (level != Removal.Level.NONE) {
                new ContentCleaner(index, stats, scorer, level == Removal.Level.STRICT).clean(selection, removed);
            }
            String text = TextAssembler.text(TextAssembler.blocks(index, selection.parts(), removed));
            if (best == null || letters(text) > LOOSER_GAIN * letters(best)) {
                best = text;
            }
            if (letters(best) >= ENOUGH_CHARS) {
                break;
            }
        }
        return best;
    }

    private static int largestBlock(DomIndex index) {
        int max = 0;
        for (TextBlock b : index.blocks) {
            max = Math.max(max, b.chars());
        }
        return max;
    }

    /** Characters that are not white space. */
    static int letters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** Control characters (other than white space) or U+FFFD in more than 1 in 20 of the first 8,192 characters. */
    private static boolean looksBinary(String html) {
        int n = Math.min(html.length(), 8192);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == '\uFFFD' || c == 0x7f) {
                bad++;
            }
        }
        return n > 0 && bad > n / 20;
    }

    /** Start tags in the source ({@code <} then a letter), counting no further than {@code limit + 1}. */
    private static int startTags(String html, int limit) {
        int count = 0;
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < html.length(); i = html.indexOf('<', i + 1)) {
            char c = html.charAt(i + 1);
            if ((c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && ++count > limit) {
                break;
            }
        }
        return count;
    }
}
