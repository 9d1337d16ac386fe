package dev.newsbrief.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * What a search found ({@link ArticleSearch}): the analysed (maybe corrected) query, the ranked
 * articles, the passage query, the primary language's document frequencies, and the question's
 * vector when dense retrieval embedded it (else null).
 */
record Searched(LanguageQueries queries, List<PassageRetriever.Ranked> ranked, Query passageQuery,
        TextDocFreqs docFreqs, float[] questionVector) {
    /** The question in its likeliest language, spelling corrections applied. */
    AnalyzedQuery query() {
        return queries.primary();
    }

    /** The languages searched and their weights, likeliest first. */
    Map<String, Float> languages() {
        Map<String, Float> out = new LinkedHashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            out.put(queries.queries().get(i).language(), queries.weights().get(i));
        }
        return out;
    }

    /** idf weights of the question's terms in {@code language}'s passages. */
    Map<String, Double> idfIn(IndexSearcher searcher, String language) {
        TextDocFreqs inLanguage = language.equals(docFreqs.language()) ? docFreqs
                : new TextDocFreqs(docFreqs.terms(), language);
        try {
            return idf(inLanguage, queries.in(language).positiveTerms());
        } catch (IOException e) {
            throw new UncheckedIOException("reading document frequencies failed", e);
        }
    }

    private static Map<String, Double> idf(TextDocFreqs docFreqs, Set<String> terms) throws IOException {
        Map<String, Double> out = new HashMap<>();
        int n = Math.max(1, docFreqs.reader().numDocs());
        for (String t : terms) {
            int df = docFreqs.of(t);
            out.put(t, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
        }
        return out;
    }
}
