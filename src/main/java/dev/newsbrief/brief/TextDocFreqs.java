package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies of index terms in the passage text, for one request over one reader: the
 * spelling check ("has the index seen this word?") and the composer's idf weights ask about the
 * same terms, and each lookup seeks every segment's terms dictionary, so each term is looked up
 * once ({@link AskTerms}, whose states the request's queries then score with). Lives for a single
 * request only, so it never outlives the reader it was read from.
 */
final class TextDocFreqs {
    private final AskTerms terms;
    private final String language;
    private final String textField;

    /** Frequencies in the passage text of {@code language}, looked up in the request's {@code terms}. */
    TextDocFreqs(AskTerms terms, String language) {
        this.terms = terms;
        this.language = language;
        this.textField = PassageFields.of(PassageFields.TEXT, language);
    }

    /** The request's term lookups these frequencies are read from. */
    AskTerms terms() {
        return terms;
    }

    String language() {
        return language;
    }

    String textField() {
        return textField;
    }

    String titleField() {
        return PassageFields.of(PassageFields.TITLE, language);
    }

    IndexReader reader() {
        return terms.reader();
    }

    int of(String term) throws IOException {
        return terms.docFreq(new Term(textField, term));
    }

    /** The document frequency of {@code term} in the titles of this language's passages. */
    int inTitles(String term) throws IOException {
        return terms.docFreq(new Term(titleField(), term));
    }
}
