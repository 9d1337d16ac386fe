package dev.newsbrief.index;

/**
 * Names of the fields of a passage document. Every document is one passage of one article.
 * The first passage of an article also carries the whole article in {@link #ARTICLE}, so the
 * article can be scored as one document while the passages give the sentences to quote.
 *
 * <ul>
 *   <li>{@link #ID}: {@code articleId#n}, a StringField used to update or delete exactly one passage;</li>
 *   <li>{@link #ARTICLE_ID}: StringField, stored, to delete or group all passages of an article;
 *       also SortedDocValues, to read a hit's article cheaply without loading stored fields;</li>
 *   <li>{@link #PASSAGE}: the passage number within its article (0-based), IntPoint + stored;</li>
 *   <li>{@link #TITLE} and {@link #TEXT}: TextFields, stored, analysed with {@link NewsAnalyzer};</li>
 *   <li>{@link #PUBLISHED}: epoch millis as LongPoint (range filters), NumericDocValues (sorting,
 *       recency boosts) and StoredField; absent when the publication time is unknown;</li>
 *   <li>{@link #SOURCE}: StringField, stored, for source filters;</li>
 *   <li>{@link #URL}: StoredField only;</li>
 *   <li>{@link #ARTICLE}: title and whole body as one TextField (title and body as two values, so
 *       a phrase never spans them), not stored, on passage 0 only: BM25 statistics on it
 *       (document count, average length, document frequency) are then per article, as in a
 *       document-level index.</li>
 *   <li>{@link #LANGUAGE}: the article's language (ISO 639-1, or {@code und}), StringField, stored.</li>
 *   <li>{@link #RECORD}: what a briefing reads of a passage it quotes ({@link PassageRecord}): its
 *       number and text, its sentences and analysed tokens ({@link PassageSentences}) unless the
 *       analysis gave unusable offsets, and on passage 0 its article's title, language, source,
 *       url and publication time. BinaryDocValues only (not stored: a search that reads stored
 *       fields reads no more); absent in indexes written before format 6.</li>
 * </ul>
 *
 * <p>{@link #TITLE}, {@link #TEXT} and {@link #ARTICLE} are per language, so that BM25 statistics
 * (document counts, lengths, frequencies) of one language are not mixed with another's: English
 * (and undetermined) text uses the plain names, analysed with {@link NewsAnalyzer} as it always
 * was; any other language a suffix, {@code text.de}, {@code title.de}, {@code article.de}, analysed
 * by {@link LanguageAnalyzers}. A passage has the fields of its article's language only.
 */
public final class PassageFields {
    public static final String ID = "id";
    public static final String ARTICLE_ID = "article_id";
    public static final String PASSAGE = "passage";
    public static final String TITLE = "title";
    public static final String TEXT = "text";
    public static final String PUBLISHED = "published";
    public static final String SOURCE = "source";
    public static final String URL = "url";
    public static final String ARTICLE = "article";
    public static final String LANGUAGE = "lang";
    public static final String RECORD = "record";
    private static final char LANGUAGE_SEPARATOR = '.';

    private PassageFields() {
    }

    /** Whether {@code language} is indexed in the plain (English) fields: English, undetermined or unknown. */
    public static boolean isEnglishFields(String language) {
        return language == null || language.equals("en") || language.equals("und") || language.isBlank();
    }

    /** The name of field {@code base} ({@link #TITLE}, {@link #TEXT}, {@link #ARTICLE}) for {@code language}. */
    public static String of(String base, String language) {
        return isEnglishFields(language) ? base : base + LANGUAGE_SEPARATOR + language;
    }

    /** The language a field is analysed in: its suffix, or {@code en} for every plain field. */
    public static String languageOf(String field) {
        int dot = field.lastIndexOf(LANGUAGE_SEPARATOR);
        return dot < 0 ? "en" : field.substring(dot + 1);
    }

    /** The unique document id of passage {@code n} of {@code articleId}. */
    public static String documentId(String articleId, int n) {
        return articleId + "#" + n;
    }
}
