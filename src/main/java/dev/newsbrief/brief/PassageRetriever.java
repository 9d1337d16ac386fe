package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * BM25 over passages, then grouping by article: an article scores its best passage plus a small
 * share of its other matching passages (more evidence, but long articles must not win by length).
 */
final class PassageRetriever {
    private static final Set<String> ALL_FIELDS = Set.of(PassageFields.ARTICLE_ID, PassageFields.PASSAGE,
            PassageFields.TITLE, PassageFields.TEXT, PassageFields.SOURCE, PassageFields.URL, PassageFields.PUBLISHED);
    private static final Set<String> ID_ONLY = Set.of(PassageFields.ARTICLE_ID);

    private final RankingOptions options;
    private final BM25Similarity similarity;

    PassageRetriever(RankingOptions options) {
        this.options = options;
        this.similarity = new BM25Similarity(options.k1(), options.b());
    }

    /** A searcher over the same reader that scores with the configured BM25 parameters. */
    IndexSearcher scoring(IndexSearcher shared) {
        IndexSearcher s = new IndexSearcher(shared.getIndexReader());
        s.setSimilarity(similarity);
        s.setQueryCache(null);
        return s;
    }

    /** Ranked articles for {@code query}; passages are loaded with all fields when {@code withText}. */
    List<ArticleHit> retrieve(IndexSearcher shared, Query query, boolean withText) throws IOException {
        IndexSearcher searcher = scoring(shared);
        TopDocs top = searcher.search(query, options.passagesToFetch());
        return group(searcher, top.scoreDocs, withText, true);
    }

    /** Articles matching {@code query} (all when null), newest first. */
    List<ArticleHit> newest(IndexSearcher shared, Query query, int passages) throws IOException {
        IndexSearcher searcher = scoring(shared);
        SortField published = new SortField(PassageFields.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        Query q = query == null ? new org.apache.lucene.search.MatchAllDocsQuery() : query;
        TopDocs top = searcher.search(q, passages, new Sort(published, SortField.FIELD_SCORE), true);
        return group(searcher, top.scoreDocs, true, false);
    }

    private List<ArticleHit> group(IndexSearcher searcher, ScoreDoc[] docs, boolean withText, boolean byScore)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, List<PassageHit>> byArticle = new LinkedHashMap<>();
        for (ScoreDoc sd : docs) {
            Document d = stored.document(sd.doc, withText ? ALL_FIELDS : ID_ONLY);
            String id = d.get(PassageFields.ARTICLE_ID);
            if (id == null) {
                continue;
            }
            byArticle.computeIfAbsent(id, k -> new ArrayList<>()).add(withText ? hit(d, id, sd.score)
                    : new PassageHit(id, 0, "", "", null, null, null, sd.score));
        }
        List<ArticleHit> out = new ArrayList<>(byArticle.size());
        for (Map.Entry<String, List<PassageHit>> e : byArticle.entrySet()) {
            List<PassageHit> passages = e.getValue();
            double best = passages.get(0).score();
            double rest = 0;
            for (int i = 1; i < passages.size(); i++) {
                rest += passages.get(i).score();
            }
            out.add(new ArticleHit(e.getKey(), best + options.otherPassageWeight() * rest, List.copyOf(passages)));
        }
        if (byScore) {
            out.sort(Comparator.comparingDouble(ArticleHit::score).reversed());
        }
        return out;
    }

    private static PassageHit hit(Document d, String id, float score) {
        IndexableField number = d.getField(PassageFields.PASSAGE);
        IndexableField published = d.getField(PassageFields.PUBLISHED);
        return new PassageHit(id, number == null ? 0 : number.numericValue().intValue(),
                nonNull(d.get(PassageFields.TITLE)), nonNull(d.get(PassageFields.TEXT)), d.get(PassageFields.SOURCE),
                d.get(PassageFields.URL),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()), score);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
