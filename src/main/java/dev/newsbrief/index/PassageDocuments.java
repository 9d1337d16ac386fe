package dev.newsbrief.index;

import dev.newsbrief.lang.Languages;
import dev.newsbrief.store.Article;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene documents of an article: one per {@link Passage} (fields in {@link PassageFields}),
 * the first also carrying the whole article. {@link #document} builds one passage's document from
 * its strings, which the index writer analyses field by field: the article's title once per
 * passage and its body twice (in the passages, and again in the whole-article field).
 *
 * <p>{@link #of} builds the same documents with that analysis done once: the title and each
 * passage are analysed once and the recorded tokens ({@link RecordedTokens}) are indexed into
 * every field that holds them, the whole-article body being the passages' tokens in order. It
 * does so only where that gives the very same index: English analysis (one token at a time, the
 * same for every field), ASCII text (whose tokens never span whitespace), and passages that hold
 * the body's words exactly, with whitespace wherever the body has it. Any other article is
 * analysed field by field as before, except its passages' {@link PassageFields#TEXT} field, which
 * holds one value analysed by one analyzer and is indexed from the passage's recorded tokens too.
 *
 * <p>{@link #of} also gives each passage its {@link PassageFields#RECORD} ({@link PassageRecord}):
 * what composing a briefing reads, including its sentences and tokens ({@link PassageSentences})
 * from the passage's own sentence spans and the tokens recorded for its text field;
 * {@link #document} (the documents a benchmark's plain Lucene baseline indexes) leaves that field out.
 */
final class PassageDocuments {
    private PassageDocuments() {
    }

    /** The document of passage {@code p} of {@code article}, its fields analysed by the index writer. */
    static Document document(Article article, Passage p) {
        return document(article, p, null, null, null);
    }

    /**
     * The documents of {@code article}'s passages, analysed once with {@code analyzer} (the index
     * writer's) when that gives the same index as {@link #document}, else built as it builds them
     * but for the passage text's recorded tokens; each with its {@link PassageFields#RECORD}.
     */
    static List<Document> of(Analyzer analyzer, Article article, List<Passage> passages) {
        List<Document> docs = new ArrayList<>(passages.size());
        String textField = PassageFields.of(PassageFields.TEXT, languageOf(article));
        List<RecordedTokens> texts = new ArrayList<>(passages.size());
        for (Passage p : passages) {
            texts.add(RecordedTokens.of(analyzer, textField, p.text()));
        }
        if (!sharesAnalysis(article, passages)) {
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                docs.add(withRecord(document(article, p, null, texts.get(i).stream(), null), article, p, texts.get(i)));
            }
            return docs;
        }
        RecordedTokens title = RecordedTokens.of(analyzer, PassageFields.TITLE, article.title());
        for (Passage p : passages) {
            Whole whole = p.number() == 0 ? new Whole(title.stream(), RecordedTokens.concatenation(texts)) : null;
            RecordedTokens text = texts.get(p.number());
            docs.add(withRecord(document(article, p, title.stream(), text.stream(), whole), article, p, text));
        }
        return docs;
    }

    /**
     * {@code d} with passage {@code p}'s {@link PassageRecord}: its text, its article's card on the
     * first passage, and its sentences and its text's tokens when they can be recorded.
     */
    private static Document withRecord(Document d, Article article, Passage p, RecordedTokens text) {
        BytesRef sentences = PassageSentences.encode(p.text(), p.sentences(), text);
        d.add(new BinaryDocValuesField(PassageFields.RECORD,
                PassageRecord.encode(article, languageOf(article), p, sentences)));
        return d;
    }

    private static String languageOf(Article article) {
        return article.language() == null ? Languages.UNDETERMINED : article.language();
    }

    /**
     * Whether {@link #of} may index recorded tokens for this article: English fields, ASCII
     * title and body, and passages numbered in order whose words are the body's, whitespace
     * for whitespace.
     */
    static boolean sharesAnalysis(Article article, List<Passage> passages) {
        if (!PassageFields.isEnglishFields(article.language()) || !isAscii(article.title())
                || !isAscii(article.body())) {
            return false;
        }
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).number() != i) {
                return false;
            }
        }
        return sameWords(article.body(), passages);
    }

    /** Whether the passages, joined by a space, have the body's whitespace-separated runs in order. */
    private static boolean sameWords(String body, List<Passage> passages) {
        int b = skipSpace(body, 0);
        for (Passage passage : passages) {
            String text = passage.text();
            int t = skipSpace(text, 0);
            if (t < text.length() && b > 0 && b < body.length() && !Character.isWhitespace(body.charAt(b - 1))) {
                return false; // the passage starts inside one of the body's runs
            }
            while (t < text.length()) {
                // one run: the same characters, ending at the same place in both
                while (t < text.length() && !Character.isWhitespace(text.charAt(t))) {
                    if (b >= body.length() || body.charAt(b) != text.charAt(t)) {
                        return false;
                    }
                    b++;
                    t++;
                }
                if (b < body.length() && !Character.isWhitespace(body.charAt(b))) {
                    return false;
                }
                t = skipSpace(text, t);
                b = skipSpace(body, b);
            }
        }
        return b == body.length();
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The whole-article field's two values as recorded tokens: the title, then the body. */
    private record Whole(TokenStream title, TokenStream body) {
    }

    /**
     * One passage's document; a non-null stream replaces the analysis of the string it stands for
     * (the stored values stay the strings).
     */
    private static Document document(Article article, Passage p, TokenStream title, TokenStream text, Whole whole) {
        Document d = new Document();
        d.add(new StringField(PassageFields.ID, PassageFields.documentId(article.id(), p.number()), Field.Store.YES));
        d.add(new StringField(PassageFields.ARTICLE_ID, article.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(PassageFields.ARTICLE_ID, new BytesRef(article.id())));
        d.add(new IntPoint(PassageFields.PASSAGE, p.number()));
        d.add(new StoredField(PassageFields.PASSAGE, p.number()));
        String language = languageOf(article);
        d.add(new StringField(PassageFields.LANGUAGE, language, Field.Store.YES));
        d.add(text(PassageFields.of(PassageFields.TITLE, language), article.title(), title));
        d.add(text(PassageFields.of(PassageFields.TEXT, language), p.text(), text));
        if (article.publishedAt() != null) {
            long millis = article.publishedAt().toEpochMilli();
            d.add(new LongPoint(PassageFields.PUBLISHED, millis));
            d.add(new NumericDocValuesField(PassageFields.PUBLISHED, millis));
            d.add(new StoredField(PassageFields.PUBLISHED, millis));
        }
        if (article.source() != null) {
            d.add(new StringField(PassageFields.SOURCE, article.source(), Field.Store.YES));
        }
        if (article.url() != null) {
            d.add(new StoredField(PassageFields.URL, article.url()));
        }
        if (p.number() == 0) {
            String field = PassageFields.of(PassageFields.ARTICLE, language);
            d.add(whole == null ? new TextField(field, article.title(), Field.Store.NO) : new TextField(field, whole.title()));
            d.add(whole == null ? new TextField(field, article.body(), Field.Store.NO) : new TextField(field, whole.body()));
            IndexProvenance.addTo(d, article);
        }
        return d;
    }

    /** A stored text field, indexed from {@code tokens} when given, else from its analysed value. */
    private static Field text(String name, String value, TokenStream tokens) {
        return tokens == null ? new TextField(name, value, Field.Store.YES) : new Recorded(name, value, tokens);
    }

    /** A stored text field whose indexed tokens were recorded beforehand (Lucene's own field cannot have both). */
    private static final class Recorded extends Field {
        private final TokenStream tokens;

        Recorded(String name, String value, TokenStream tokens) {
            super(name, value, TextField.TYPE_STORED);
            this.tokens = tokens;
        }

        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            return tokens;
        }
    }
}
