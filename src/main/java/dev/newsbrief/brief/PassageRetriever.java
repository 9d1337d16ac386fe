package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageRecord;
import dev.newsbrief.index.PassageSentences;
import dev.newsbrief.lang.Languages;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.Bits;

/**
 * The two searches behind a briefing. Articles are ranked with BM25 over the whole article
 * (the {@link PassageFields#ARTICLE} field, one per article), so a long article neither wins nor
 * loses by being cut into passages. Then, for the few articles a briefing is composed from, their
 * passages (a block of consecutive documents each) are scored to find the ones to quote; only
 * those passages' records (doc values) are read.
 */
final class PassageRetriever {
    private static final Set<String> PASSAGE_FIELDS = passageFields();

    /** The stored fields a hit is read from: its title and text in whichever language it has. */
    private static Set<String> passageFields() {
        Set<String> fields = new java.util.HashSet<>(Set.of(PassageFields.ARTICLE_ID, PassageFields.PASSAGE,
                PassageFields.SOURCE, PassageFields.URL, PassageFields.PUBLISHED, PassageFields.LANGUAGE));
        fields.add(PassageFields.TITLE);
        fields.add(PassageFields.TEXT);
        for (String language : Languages.DETECTED) {
            fields.add(PassageFields.of(PassageFields.TITLE, language));
            fields.add(PassageFields.of(PassageFields.TEXT, language));
        }
        return Set.copyOf(fields);
    }

    /**
     * An article as ranked, before any of its passages is read. {@code doc} is its first passage
     * (the one carrying {@link PassageFields#ARTICLE}); its other passages follow it directly.
     */
    record Ranked(String articleId, double score, int doc) {
    }

    /** Articles re-scored with the full query. */
    static final int RESCORED = 100;

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

    /**
     * The best {@code n} articles, best first, reading doc values only. The cheap
     * {@code candidates} query picks the best {@value #RESCORED} (or {@code n}, if more) articles;
     * only those get the {@code proximity} bonus added and the {@code recency} multiplier applied,
     * since computing them for every match would cost far more and only re-orders the head of the
     * list. With neither (one-word queries, decay off) the first pass is the ranking.
     */
    List<Ranked> rank(IndexSearcher searcher, Query candidates, Optional<Query> proximity,
            Optional<DoubleValuesSource> recency, int n) throws IOException {
        boolean rescore = proximity.isPresent() || recency.isPresent();
        int k = Math.max(1, rescore ? Math.max(n, RESCORED) : n);
        // the total hit count is never used, so Lucene may start skipping non-competitive articles
        // once it holds k of them instead of after counting the default 1,000 (same top k, same scores)
        ScoreDoc[] hits = searcher.search(candidates, new TopScoreDocCollectorManager(k, k)).scoreDocs;
        if (rescore) {
            hits = rescored(searcher, hits, proximity, recency, n);
        }
        String[] ids = articleIds(searcher, hits);
        List<Ranked> out = new ArrayList<>(hits.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                out.add(new Ranked(ids[i], hits[i].score, hits[i].doc));
            }
        }
        return out;
    }

    /** {@code (first pass + proximity) x recency} for each hit, best {@code n} first (ties: lower doc first). */
    private static ScoreDoc[] rescored(IndexSearcher searcher, ScoreDoc[] hits, Optional<Query> proximity,
            Optional<DoubleValuesSource> recency, int n) throws IOException {
        ScoreDoc[] byDoc = hits.clone();
        Arrays.sort(byDoc, (x, y) -> Integer.compare(x.doc, y.doc));
        Weight near = proximity.isEmpty() ? null
                : searcher.createWeight(searcher.rewrite(proximity.get()), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leaf = -1;
        LeafReaderContext ctx = null;
        Scorer nearScorer = null;
        DoubleValues fresh = null;
        ScoreDoc[] out = new ScoreDoc[byDoc.length];
        for (int i = 0; i < byDoc.length; i++) {
            int doc = byDoc[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leaf) {
                leaf = at;
                ctx = leaves.get(at);
                nearScorer = near == null ? null : near.scorer(ctx);
                fresh = recency.isEmpty() ? null : recency.get().getValues(ctx, null);
            }
            int local = doc - ctx.docBase;
            float score = byDoc[i].score;
            if (nearScorer != null) {
                DocIdSetIterator it = nearScorer.iterator();
                int d = it.docID() < local ? it.advance(local) : it.docID();
                if (d == local) {
                    score += nearScorer.score();
                }
            }
            if (fresh != null && fresh.advanceExact(local)) {
                score = (float) (score * fresh.doubleValue());
            }
            out[i] = new ScoreDoc(doc, score);
        }
        Arrays.sort(out, (x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
        return out.length > n ? Arrays.copyOf(out, n) : out;
    }

    /**
     * The best passages ({@code perArticle} at most) of each of {@code articles} for
     * {@code passageQuery}, by article id, best first; no stored field is read. Of all the
     * articles' matching passages only the best {@code passagesToFetch} are considered.
     *
     * <p>An article's passages are indexed as one block ({@code updateDocuments}), so they are
     * consecutive documents of one segment starting at the ranked article's document; Lucene keeps
     * such blocks together through merges (no index sort is configured). The query is therefore
     * scored on those few documents only, instead of searched over the whole index with an
     * article-id filter: the scores are the same (the statistics are index-wide either way).
     */
    Map<String, List<ScoreDoc>> bestPassages(IndexSearcher searcher, Query passageQuery, List<Ranked> articles,
            int perArticle) throws IOException {
        if (articles.isEmpty()) {
            return Map.of();
        }
        List<Ranked> byDoc = new ArrayList<>(articles);
        byDoc.sort((x, y) -> Integer.compare(x.doc(), y.doc()));
        Weight weight = searcher.createWeight(searcher.rewrite(passageQuery), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoreDoc> matches = new ArrayList<>();
        Map<Integer, String> owner = new HashMap<>();
        int leaf = -1;
        LeafReaderContext ctx = null;
        Scorer scorer = null;
        SortedDocValues ids = null;
        Bits live = null;
        for (Ranked a : byDoc) {
            int at = ReaderUtil.subIndex(a.doc(), leaves);
            if (at != leaf) {
                leaf = at;
                ctx = leaves.get(at);
                scorer = weight.scorer(ctx);
                ids = ctx.reader().getSortedDocValues(PassageFields.ARTICLE_ID);
                live = ctx.reader().getLiveDocs();
            }
            if (scorer == null || ids == null) {
                continue;
            }
            int start = a.doc() - ctx.docBase;
            int end = blockEnd(ids, start, ctx.reader().maxDoc());
            DocIdSetIterator it = scorer.iterator();
            for (int d = it.docID() < start ? it.advance(start) : it.docID(); d < end; d = it.nextDoc()) {
                if (live == null || live.get(d)) {
                    matches.add(new ScoreDoc(ctx.docBase + d, scorer.score()));
                    owner.put(ctx.docBase + d, a.articleId());
                }
            }
        }
        matches.sort((x, y) -> x.score != y.score ? Float.compare(y.score, x.score) : Integer.compare(x.doc, y.doc));
        int cap = Math.max(1, Math.min(options.passagesToFetch(), articles.size() * perArticle * 4));
        Map<String, List<ScoreDoc>> best = new HashMap<>();
        for (ScoreDoc sd : matches.subList(0, Math.min(cap, matches.size()))) {
            List<ScoreDoc> kept = best.computeIfAbsent(owner.get(sd.doc), k -> new ArrayList<>(perArticle));
            if (kept.size() < perArticle) {
                kept.add(sd);
            }
        }
        return best;
    }

    /** The segment-local document after the last passage of the block that starts at {@code start}. */
    private static int blockEnd(SortedDocValues ids, int start, int maxDoc) throws IOException {
        if (!ids.advanceExact(start)) {
            return start + 1;
        }
        int article = ids.ordValue();
        int d = start + 1;
        while (d < maxDoc && ids.advanceExact(d) && ids.ordValue() == article) {
            d++;
        }
        return d;
    }

    /**
     * {@code articles} with their passages in {@code passages}, in the same order. A briefing
     * scores every one of the few articles it is composed from, so all are read at once, in
     * document order: each passage's {@link PassageRecord} (its text and recorded sentences) and
     * each article's card from its first passage's record, all from doc values. A passage or
     * article without a record (an index written before they were kept) is read from stored
     * fields instead. An article none of whose passages matches on its own (a phrase across two
     * passages) is represented by its first passage.
     */
    List<ArticleHit> load(IndexSearcher searcher, List<Ranked> articles, Map<String, List<ScoreDoc>> passages)
            throws IOException {
        List<List<ScoreDoc>> docsOf = new ArrayList<>(articles.size());
        int count = 0;
        for (Ranked a : articles) {
            List<ScoreDoc> docs = passages.getOrDefault(a.articleId(), List.of());
            docsOf.add(docs.isEmpty() ? List.of(new ScoreDoc(a.doc(), 0f)) : docs);
            count += docsOf.get(docsOf.size() - 1).size() + 1;
        }
        // in document order: an article's passages are neighbours, often in one compressed block
        int[] order = new int[count];
        int n = 0;
        for (int r = 0; r < articles.size(); r++) {
            order[n++] = articles.get(r).doc();
            for (ScoreDoc sd : docsOf.get(r)) {
                order[n++] = sd.doc;
            }
        }
        order = Arrays.stream(order).sorted().distinct().toArray();
        PassageRecord[] records = PassageRecord.read(searcher.getIndexReader(), order);
        StoredFields stored = null;
        List<ArticleHit> out = new ArrayList<>(articles.size());
        for (int r = 0; r < articles.size(); r++) {
            Ranked a = articles.get(r);
            PassageRecord first = records[Arrays.binarySearch(order, a.doc())];
            PassageRecord.Card card = first == null ? null : first.card();
            List<PassageHit> hits = new ArrayList<>(docsOf.get(r).size());
            for (ScoreDoc sd : docsOf.get(r)) {
                PassageRecord record = records[Arrays.binarySearch(order, sd.doc)];
                if (card != null && record != null) {
                    hits.add(new PassageHit(a.articleId(), record.number(), card.title(), record.text(),
                            card.source(), card.url(), card.published(), sd.score, card.language(),
                            record.sentences()));
                } else {
                    stored = stored == null ? searcher.storedFields() : stored;
                    hits.add(hit(stored.document(sd.doc, PASSAGE_FIELDS), a.articleId(), sd.score,
                            record == null ? null : record.sentences()));
                }
            }
            out.add(new ArticleHit(a.articleId(), a.score(), hits));
        }
        return out;
    }

    /** Articles matching a passage query {@code query} (all when null), newest first. */
    List<ArticleHit> newest(IndexSearcher searcher, Query query, int passages) throws IOException {
        SortField published = new SortField(PassageFields.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        Query q = query == null ? new MatchAllDocsQuery() : query;
        TopDocs top = searcher.search(q, passages, new Sort(published, SortField.FIELD_SCORE), true);
        String[] ids = articleIds(searcher, top.scoreDocs);
        StoredFields stored = searcher.storedFields();
        Map<String, List<PassageHit>> byArticle = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            String id = ids[i];
            if (id != null) {
                byArticle.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(hit(stored.document(sd.doc, PASSAGE_FIELDS), id, sd.score, null));
            }
        }
        List<ArticleHit> out = new ArrayList<>(byArticle.size());
        byArticle.forEach((id, hits) -> out.add(new ArticleHit(id, hits.get(0).score(), List.copyOf(hits))));
        return out;
    }

    /**
     * The article id of each hit, from doc values (no stored fields). Doc values iterate forward
     * only, so hits are visited in document order, leaf by leaf.
     */
    private static String[] articleIds(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < hits.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(hits[x].doc, hits[y].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        String[] out = new String[hits.length];
        int leaf = -1;
        SortedDocValues values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            int at = ReaderUtil.subIndex(doc, leaves);
            if (at != leaf) {
                leaf = at;
                values = leaves.get(at).reader().getSortedDocValues(PassageFields.ARTICLE_ID);
            }
            int local = doc - leaves.get(at).docBase;
            if (values != null && values.advanceExact(local)) {
                out[i] = values.lookupOrd(values.ordValue()).utf8ToString();
            }
        }
        return out;
    }

    /** A passage read from its stored fields, with its recorded {@code sentences} (or null). */
    private static PassageHit hit(Document d, String id, float score, PassageSentences sentences) {
        IndexableField number = d.getField(PassageFields.PASSAGE);
        IndexableField published = d.getField(PassageFields.PUBLISHED);
        String language = d.get(PassageFields.LANGUAGE);
        return new PassageHit(id, number == null ? 0 : number.numericValue().intValue(),
                nonNull(d.get(PassageFields.of(PassageFields.TITLE, language))),
                nonNull(d.get(PassageFields.of(PassageFields.TEXT, language))), d.get(PassageFields.SOURCE),
                d.get(PassageFields.URL),
                published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()), score,
                language, sentences);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

}
