package dev.newsbrief.brief;

import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
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
 * scores, each scaled to [0, 1], every article of either list scored on both sides. An article found only by vector must still
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
     * @param question   the question's vector (to score BM25 hits the vector search did not return)
     * @param candidates the BM25 article query (to score vector hits the BM25 ranking did not return)
     * @param constraint what a vector-only article must satisfy, if anything
     * @param n          articles wanted
     */
    List<PassageRetriever.Ranked> fuse(IndexSearcher searcher, List<PassageRetriever.Ranked> bm25,
            List<VectorIndex.Hit> dense, DenseSearch vectors, float[] question, Query candidates,
            Optional<Query> constraint, int n) throws IOException {
        if (dense.isEmpty()) {
            return bm25.size() > n ? bm25.subList(0, n) : bm25;
        }
        Map<String, Integer> docs = new HashMap<>();
        bm25.forEach(r -> docs.put(r.articleId(), r.doc()));
        Map<String, Integer> denseOnly = new LinkedHashMap<>();
        Map<String, Integer> found = firstPassages(searcher,
                dense.stream().map(VectorIndex.Hit::articleId).filter(id -> !docs.containsKey(id)).toList());
        boolean plainRead = vectors.reads("en") && vectors.reads("und") && vectors.reads("");
        Weight allowed = constraint.isEmpty() ? null
                : searcher.createWeight(searcher.rewrite(constraint.get()), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (VectorIndex.Hit h : dense) {
            Integer doc = found.get(h.articleId());
            if (!docs.containsKey(h.articleId()) && doc != null && (allowed == null || matches(searcher, allowed, doc))
                    && reads(searcher, vectors, plainRead, doc)) {
                denseOnly.put(h.articleId(), doc);
            }
        }
        Set<String> unread = new HashSet<>();
        for (PassageRetriever.Ranked r : bm25) {
            if (!reads(searcher, vectors, plainRead, r.doc())) {
                unread.add(r.articleId());
            }
        }
        Map<String, Double> fused = options.fusion().equals("rrf")
                ? reciprocalRanks(bm25, dense, denseOnly.keySet(), unread)
                : linear(searcher, bm25, dense, denseOnly, vectors, question, candidates, unread);
        docs.putAll(denseOnly);
        List<PassageRetriever.Ranked> out = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> out.add(new PassageRetriever.Ranked(id, score, docs.get(id))));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score())
                : Integer.compare(a.doc(), b.doc()));
        return out.size() > n ? out.subList(0, n) : out;
    }

    /**
     * {@code (1 - w) / (60 + bm25 rank) + w / (60 + vector rank)}, each part only from the list holding the
     * article; an article in a language the model does not read counts its BM25 rank on both sides.
     */
    private Map<String, Double> reciprocalRanks(List<PassageRetriever.Ranked> bm25, List<VectorIndex.Hit> dense,
            Set<String> denseOnly, Set<String> unread) {
        double w = options.denseWeight();
        Map<String, Double> fused = new HashMap<>();
        for (int i = 0; i < bm25.size(); i++) {
            String id = bm25.get(i).articleId();
            fused.merge(id, (unread.contains(id) ? 1 : 1 - w) / (RRF_K + i + 1), Double::sum);
        }
        for (int i = 0; i < dense.size(); i++) {
            String id = dense.get(i).articleId();
            if ((fused.containsKey(id) && !unread.contains(id)) || denseOnly.contains(id)) {
                fused.merge(id, w / (RRF_K + i + 1), Double::sum);
            }
        }
        return fused;
    }

    /**
     * {@code (1 - w) x bm25 / best bm25 + w x (similarity - lowest) / (highest - lowest)} over every
     * article of either list, each scored on both sides: a BM25 hit gets its similarity from its
     * stored vectors, a vector hit its BM25 score from the article query (0 when it holds no word). An
     * article in a language the model does not read ({@code unread}) has no meaningful similarity: its
     * scaled BM25 score stands for both sides, so a German article is not ranked below English ones for
     * an English question only because the English model cannot read it.
     */
    private Map<String, Double> linear(IndexSearcher searcher, List<PassageRetriever.Ranked> bm25,
            List<VectorIndex.Hit> dense, Map<String, Integer> denseOnly, DenseSearch vectors, float[] question,
            Query candidates, Set<String> unread) throws IOException {
        double w = options.denseWeight();
        Map<String, Double> text = new HashMap<>();
        bm25.forEach(r -> text.put(r.articleId(), r.score()));
        Weight scorer = searcher.createWeight(searcher.rewrite(candidates), ScoreMode.COMPLETE, 1f);
        text.putAll(scores(searcher, scorer, denseOnly));
        Map<String, Double> meaning = new HashMap<>();
        dense.forEach(h -> meaning.put(h.articleId(), h.similarity()));
        meaning.keySet().removeIf(unread::contains);
        List<String> unseen = bm25.stream().map(PassageRetriever.Ranked::articleId)
                .filter(id -> !meaning.containsKey(id) && !unread.contains(id)).toList();
        meaning.putAll(vectors.similarities(question, unseen));
        double top = Math.max(1e-9, text.values().stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double hi = meaning.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double lo = meaning.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        Map<String, Double> fused = new HashMap<>();
        for (Map.Entry<String, Double> e : text.entrySet()) {
            if (unread.contains(e.getKey())) {
                fused.put(e.getKey(), e.getValue() / top);
                continue;
            }
            Double sim = meaning.get(e.getKey());
            double m = sim == null ? 0 : hi > lo ? (sim - lo) / (hi - lo) : 1;
            fused.put(e.getKey(), (1 - w) * e.getValue() / top + w * m);
        }
        return fused;
    }

    /**
     * Whether the model reads the article whose first passage is {@code doc}. An article in the plain
     * (English and undetermined) fields has norms for {@link PassageFields#ARTICLE}, which say so
     * without reading its stored fields (a stored-field read decompresses a block: about 10 µs, for
     * up to 200 articles a question); {@code plainRead} is whether the model reads those languages.
     */
    private static boolean reads(IndexSearcher searcher, DenseSearch vectors, boolean plainRead, int doc)
            throws IOException {
        if (plainRead) {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            NumericDocValues norms = leaf.reader().getNormValues(PassageFields.ARTICLE);
            if (norms != null && norms.advanceExact(doc - leaf.docBase)) {
                return true;
            }
        }
        return vectors.reads(language(searcher, doc));
    }

    /** The language of the article holding passage {@code doc} ({@code und} when not stored). */
    private static String language(IndexSearcher searcher, int doc) throws IOException {
        String language = searcher.storedFields().document(doc, Set.of(PassageFields.LANGUAGE))
                .get(PassageFields.LANGUAGE);
        return language == null ? "und" : language;
    }

    /**
     * The score of each article's document ({@code docs}: article id to document) under
     * {@code weight}, 0 when it does not match: the documents are visited in order, one scorer per
     * index segment (a scorer per document cost more than the scoring).
     */
    private static Map<String, Double> scores(IndexSearcher searcher, Weight weight, Map<String, Integer> docs)
            throws IOException {
        List<Map.Entry<String, Integer>> byDoc = new ArrayList<>(docs.entrySet());
        byDoc.sort(Map.Entry.comparingByValue());
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<String, Double> out = new HashMap<>();
        int leaf = -1;
        LeafReaderContext ctx = null;
        Scorer scorer = null;
        for (Map.Entry<String, Integer> e : byDoc) {
            int doc = e.getValue();
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leaf) {
                leaf = at;
                ctx = leaves.get(at);
                scorer = weight.scorer(ctx);
            }
            double score = 0;
            if (scorer != null) {
                int local = doc - ctx.docBase;
                DocIdSetIterator it = scorer.iterator();
                int d = it.docID() < local ? it.advance(local) : it.docID();
                if (d == local) {
                    score = scorer.score();
                }
            }
            out.put(e.getKey(), score);
        }
        return out;
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
