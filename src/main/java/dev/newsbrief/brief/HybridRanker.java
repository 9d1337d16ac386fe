package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Fuses the BM25 article ranking with the vector-search ranking. Reciprocal rank fusion
 * ({@code rrf}) adds {@code w / (60 + rank)} from each list; the {@code linear} mix adds the two
 * scores, each scaled to [0, 1] over its own list. An article found only by vector must still
 * satisfy the query's required phrases, exclusions and date window; it is represented by its
 * first passage, like every ranked article.
 */
final class HybridRanker {
    /** The usual RRF constant: ranks deep in either list still count a little. */
    private static final double RRF_K = 60;

    private final RetrievalOptions options;

    HybridRanker(RetrievalOptions options) {
        this.options = options;
    }

    /**
     * @param bm25       the BM25 ranking, best first
     * @param dense      the vector ranking, best first
     * @param constraint what a vector-only article must satisfy, if anything
     * @param n          articles wanted
     */
    List<PassageRetriever.Ranked> fuse(IndexSearcher searcher, List<PassageRetriever.Ranked> bm25,
            List<VectorIndex.Hit> dense, Optional<Query> constraint, int n) throws IOException {
        if (dense.isEmpty()) {
            return bm25.size() > n ? bm25.subList(0, n) : bm25;
        }
        double w = options.denseWeight();
        boolean rrf = options.fusion().equals("rrf");
        Map<String, Double> fused = new HashMap<>();
        Map<String, Integer> docs = new HashMap<>();
        double maxBm25 = bm25.isEmpty() ? 1 : Math.max(1e-9, bm25.get(0).score());
        for (int i = 0; i < bm25.size(); i++) {
            PassageRetriever.Ranked r = bm25.get(i);
            double part = rrf ? (1 - w) / (RRF_K + i + 1) : (1 - w) * r.score() / maxBm25;
            fused.merge(r.articleId(), part, Double::sum);
            docs.put(r.articleId(), r.doc());
        }
        double hi = dense.get(0).similarity();
        double lo = dense.get(dense.size() - 1).similarity();
        Map<String, Double> denseOnly = new LinkedHashMap<>();
        for (int i = 0; i < dense.size(); i++) {
            VectorIndex.Hit h = dense.get(i);
            double part = rrf ? w / (RRF_K + i + 1) : w * (hi > lo ? (h.similarity() - lo) / (hi - lo) : 1);
            if (docs.containsKey(h.articleId())) {
                fused.merge(h.articleId(), part, Double::sum);
            } else {
                denseOnly.put(h.articleId(), part);
            }
        }
        Map<String, Integer> found = firstPassages(searcher, denseOnly.keySet());
        Weight allowed = constraint.isEmpty() ? null
                : searcher.createWeight(searcher.rewrite(constraint.get()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (Map.Entry<String, Double> e : denseOnly.entrySet()) {
            Integer doc = found.get(e.getKey());
            if (doc != null && (allowed == null || matches(searcher, allowed, doc))) {
                fused.put(e.getKey(), e.getValue());
                docs.put(e.getKey(), doc);
            }
        }
        List<PassageRetriever.Ranked> out = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> out.add(new PassageRetriever.Ranked(id, score, docs.get(id))));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(a.doc(), b.doc()));
        return out.size() > n ? out.subList(0, n) : out;
    }

    /** The first live passage (the article-level document) of each article, by id; absent ones left out. */
    private static Map<String, Integer> firstPassages(IndexSearcher searcher, Iterable<String> ids) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(PassageFields.ARTICLE_ID);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            for (String id : ids) {
                if (out.containsKey(id) || !te.seekExact(new BytesRef(id))) {
                    continue;
                }
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
                    if (live == null || live.get(d)) {
                        out.put(id, leaf.docBase + d);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(IndexSearcher searcher, Weight weight, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
            return false;
        }
        int local = doc - leaf.docBase;
        return scorer.iterator().advance(local) == local;
    }
}
