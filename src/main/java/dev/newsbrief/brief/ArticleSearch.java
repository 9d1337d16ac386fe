package dev.newsbrief.brief;

import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.VectorIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Ranks articles for a question: analysed in its likely languages, unknown words corrected from
 * the index's vocabulary, ranked with BM25 and, when dense retrieval reads the question's
 * language, fused with the vector ranking. Briefings and the BEIR evaluation both search here.
 */
final class ArticleSearch {
    private final SearchQueryBuilder builder;
    private final PassageRetriever retriever;
    private final SpellingCorrector speller;
    private final QueryLanguages languages;
    private final DenseSearch dense;
    private final HybridRanker fusion;

    ArticleSearch(SearchQueryBuilder builder, PassageRetriever retriever, SpellingCorrector speller,
            QueryLanguages languages, DenseSearch dense) {
        this.builder = builder;
        this.retriever = retriever;
        this.speller = speller;
        this.languages = languages;
        this.dense = dense;
        this.fusion = new HybridRanker(dense.options());
    }

    /** Ranks up to {@code wanted} articles with the article-level query, in the question's likely languages. */
    Optional<Searched> search(IndexSearcher searcher, UserQuery user, String languageHint, int wanted)
            throws IOException {
        Optional<LanguageQueries> analysed = languages.analyse(searcher.getIndexReader(), user, languageHint);
        if (analysed.isEmpty()) {
            return Optional.empty();
        }
        LanguageQueries queries = analysed.get();
        // each term is looked up once: the spelling check, the idf weights and both queries share it
        TextDocFreqs docFreqs = new TextDocFreqs(new AskTerms(searcher.getIndexReader()),
                queries.primary().language());
        Map<String, String> fixes = speller.corrections(docFreqs,
                languages.correctable(searcher.getIndexReader(), queries));
        if (!fixes.isEmpty()) {
            queries = queries.withPrimary(queries.primary().withCorrections(fixes));
        }
        LanguageQueries clauses = queries.forSearch();
        Optional<Query> candidates = builder.articleCandidates(clauses);
        Optional<Query> passageQuery = builder.matchQuery(clauses);
        if (candidates.isEmpty() || passageQuery.isEmpty()) {
            return Optional.empty();
        }
        candidates = Optional.of(docFreqs.terms().withStates(candidates.get()));
        passageQuery = Optional.of(docFreqs.terms().withStates(passageQuery.get()));
        // the newest news is asked for by date, which vectors know nothing about
        // and a question in a language the model never read would find unrelated articles
        boolean readable = dense.reads(queries.primary().language());
        boolean hybrid = !user.recency().preferNewest() && readable && dense.canSearch();
        int depth = hybrid ? Math.max(wanted, dense.options().denseCandidates()) : wanted;
        List<PassageRetriever.Ranked> ranked = retriever.rank(searcher, candidates.get(),
                builder.articleProximity(clauses), builder.recencyBoost(user.recency()), depth);
        float[] vector = null;
        if (hybrid) {
            vector = dense.embed(user.raw()).orElse(null);
            List<VectorIndex.Hit> hits = vector == null ? List.of() : dense.search(vector);
            ranked = fusion.fuse(searcher, ranked, hits, dense, vector, candidates.get(),
                    builder.articleConstraints(clauses), wanted);
        } else if (readable && dense.canEmbed() && dense.options().sentenceWeight() > 0) {
            vector = dense.embed(user.raw()).orElse(null);
        }
        return Optional.of(new Searched(queries, ranked, passageQuery.get(), docFreqs, vector));
    }
}
