package dev.newsbrief.bench;

import dev.newsbrief.index.AnalyzedTerms;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * The search-box baseline: plain Lucene BM25 (its default parameters) over the passage text (the
 * field of the question's language, analysed as the index analyses it), the query an OR of the
 * question's analysed words, passages returned in rank order. No article
 * ranking, no spelling correction, no composition.
 */
public final class PlainPassageSearch {
    /** One passage as the baseline shows it. */
    public record Hit(String articleId, String text) {
    }

    private final PassageIndex index;
    private final Analyzer analyzer;

    public PlainPassageSearch(PassageIndex index, Analyzer analyzer) {
        this.index = index;
        this.analyzer = analyzer;
    }

    /** The best {@code n} passages for {@code question}, best first; none when no word survives analysis. */
    public List<Hit> top(String question, int n) {
        return top(question, null, n);
    }

    /**
     * The best {@code n} passages in {@code language}'s text field for {@code question}, analysed as
     * that field is (English, or an unknown language, in the plain field).
     */
    public List<Hit> top(String question, String language, int n) {
        String field = PassageFields.of(PassageFields.TEXT, language);
        AnalyzedTerms terms = AnalyzedTerms.of(analyzer, field, question);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : new LinkedHashSet<>(terms.terms())) {
            b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
        }
        BooleanQuery query = b.build();
        return index.withSearcher(shared -> {
            IndexSearcher s = new IndexSearcher(shared.getIndexReader());
            List<Hit> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(query, n).scoreDocs) {
                Document d = s.storedFields().document(sd.doc);
                out.add(new Hit(d.get(PassageFields.ARTICLE_ID), d.get(field)));
            }
            return out;
        });
    }
}
