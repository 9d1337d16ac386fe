package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Corrects query terms the index has never seen, using the index's own vocabulary (Lucene's
 * {@link DirectSpellChecker}: no separate dictionary to build or keep in sync), and turns a
 * stemmed correction back into a word as it appears in an article, for "Did you mean ...?".
 */
final class SpellingCorrector {
    /** Longer "words" are noise (pasted hashes, URLs); correcting them costs time and finds nothing. */
    private static final int MAX_WORD_CHARS = 30;
    /** Shorter words are two edits away from too many other real words ("tell" and "talk"). */
    private static final int MIN_TWO_EDIT_CHARS = 6;
    /** Most typos are one edit away; a one-edit search costs a fraction of a two-edit one. */
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    private final SearchQueryBuilder analysis;

    SpellingCorrector(SearchQueryBuilder analysis) {
        this.analysis = analysis;
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMaxEdits(maxEdits);
        return c;
    }

    /** Unknown term to its most likely indexed replacement; terms with no good candidate are absent. */
    Map<String, String> corrections(TextDocFreqs docFreqs, Collection<String> terms) throws IOException {
        IndexReader reader = docFreqs.reader();
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : terms) {
            if (out.containsKey(t) || t.length() < oneEdit.getMinQueryLength() || t.length() > MAX_WORD_CHARS
                    || docFreqs.of(t) > 0
                    || docFreqs.inTitles(t) > 0) {
                continue;
            }
            // suggestions come from the same language's words only
            Term unknown = new Term(docFreqs.textField(), t);
            SuggestWord[] words = oneEdit.suggestSimilar(unknown, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (words.length == 0 && t.length() >= MIN_TWO_EDIT_CHARS) {
                words = twoEdits.suggestSimilar(unknown, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            }
            if (words.length > 0) {
                out.put(t, words[0].string);
            }
        }
        return out;
    }

    /** The word as written in the first passage containing index term {@code term} ("pyongyang" to "Pyongyang"). */
    String surfaceForm(IndexSearcher searcher, String term) throws IOException {
        return surfaceForm(searcher, term, null);
    }

    /** Like {@link #surfaceForm(IndexSearcher, String)} for a term of {@code language}'s passages. */
    String surfaceForm(IndexSearcher searcher, String term, String language) throws IOException {
        String field = PassageFields.of(PassageFields.TEXT, language);
        TopDocs top = searcher.search(new TermQuery(new Term(field, term)), 1);
        if (top.scoreDocs.length == 0) {
            return term;
        }
        String text = searcher.storedFields().document(top.scoreDocs[0].doc).get(field);
        if (text == null) {
            return term;
        }
        for (SentenceTerms.Token token : SentenceTerms.tokens(analysis, language, text)) {
            if (token.term().equals(term)) {
                return text.substring(token.start(), token.end());
            }
        }
        return term;
    }
}
