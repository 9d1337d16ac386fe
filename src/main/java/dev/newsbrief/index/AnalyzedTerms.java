package dev.newsbrief.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The index terms of a piece of text with their positions, exactly as an analyzer produces them,
 * so that questions and topics are turned into queries from analysed tokens. The positions keep
 * the gaps left by removed stop words ("Bank of England" is bank@0, england@2), so a phrase of
 * them matches the index. The one (terms, positions) value for words, phrases and exclusions of
 * questions and topics alike.
 *
 * @param terms     the terms in order
 * @param positions each term's position; gaps mark removed stop words
 */
public record AnalyzedTerms(List<String> terms, List<Integer> positions) {
    public AnalyzedTerms {
        terms = List.copyOf(terms);
        positions = List.copyOf(positions);
        if (terms.size() != positions.size()) {
            throw new IllegalArgumentException("one position per term");
        }
    }

    /** Analyses {@code text} as {@code field} would be indexed. */
    public static AnalyzedTerms of(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                terms.add(term.toString());
                positions.add(position);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string cannot fail", e);
        }
        return new AnalyzedTerms(terms, positions);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The same terms with positions counted from the first term's, so equal phrases compare equal. */
    public AnalyzedTerms fromZero() {
        if (terms.isEmpty() || positions.get(0) == 0) {
            return this;
        }
        int first = positions.get(0);
        return new AnalyzedTerms(terms, positions.stream().map(p -> p - first).toList());
    }

    /** A term query for a single term, else a phrase query keeping the relative positions. */
    public Query query(String field) {
        return phraseQuery(field, terms, positions);
    }

    /** A term query for one term, else a phrase query keeping the relative positions. */
    public static Query phraseQuery(String field, List<String> terms, List<Integer> positions) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(field, terms.get(0)));
        }
        PhraseQuery.Builder b = new PhraseQuery.Builder();
        int first = positions.get(0);
        for (int i = 0; i < terms.size(); i++) {
            b.add(new Term(field, terms.get(i)), positions.get(i) - first);
        }
        return b.build();
    }
}
