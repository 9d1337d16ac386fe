package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.lang.Languages;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Document frequencies of index terms in the passage text, for one request over one reader: the
 * spelling check ("has the index seen this word?") and the composer's idf weights ask about the
 * same terms, and each lookup seeks every segment's terms dictionary, so each term is looked up
 * once. Lives for a single request only, so it never outlives the reader it was read from.
 */
final class TextDocFreqs {
    private final IndexReader reader;
    private final String language;
    private final String textField;
    private final Map<String, Integer> known = new HashMap<>();

    /** Frequencies in the English (plain) passage text. */
    TextDocFreqs(IndexReader reader) {
        this(reader, Languages.ENGLISH);
    }

    /** Frequencies in the passage text of {@code language}. */
    TextDocFreqs(IndexReader reader, String language) {
        this.reader = reader;
        this.language = language;
        this.textField = PassageFields.of(PassageFields.TEXT, language);
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
        return reader;
    }

    int of(String term) throws IOException {
        Integer df = known.get(term);
        if (df == null) {
            df = reader.docFreq(new Term(textField, term));
            known.put(term, df);
        }
        return df;
    }
}
