package dev.newsbrief.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

/**
 * The article vectors for dense retrieval, in Lucene's own vector fields (HNSW graph, searched
 * with {@link KnnFloatVectorQuery}): one document per embedded chunk of an article (see
 * {@link DenseChunks}), holding the article id, a hash of the text embedded and the unit vector.
 * It is derived data kept beside the passage index, filled in the background by
 * {@link DenseIndexer} and rebuilt with it; it records the model and chunking it was built with,
 * and a writer clears an index built otherwise. Opened read-only it searches the last commit.
 */
public final class VectorIndex implements Closeable {
    static final String ARTICLE_ID = "article_id";
    static final String HASH = "hash";
    static final String VECTOR = "vector";
    /** Commit user-data key holding the model and chunking the vectors were made with. */
    static final String LAYOUT_KEY = "newsbrief.vectors.layout";

    /** An article found by its best chunk, with the cosine similarity of that chunk to the query. */
    public record Hit(String articleId, double similarity) {
    }

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String layout;
    private final boolean current;

    private VectorIndex(Directory directory, IndexWriter writer, SearcherManager searchers, String layout,
            boolean current) {
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.layout = layout;
        this.current = current;
    }

    /**
     * Opens the vector index for writing; an index made with another {@code layout} (model,
     * chunking) is emptied, since its vectors cannot be compared with new ones.
     */
    public static VectorIndex openWritable(Supplier<Directory> directorySupplier, String layout) {
        Directory dir = directorySupplier.get();
        try {
            IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(16));
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            if (!layout.equals(data.get(LAYOUT_KEY))) {
                writer.deleteAll();
            }
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, layout).entrySet());
            return new VectorIndex(dir, writer, new SearcherManager(writer, null), layout, true);
        } catch (LockObtainFailedException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw new IndexLockedException("the vector index in " + dir + " is locked by another newsbrief process", e);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw new IndexException("cannot open vector index " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Opens the last commit for searching; absent, or made with another {@code layout}, it holds no vectors. */
    public static VectorIndex openReadOnly(Supplier<Directory> directorySupplier, String layout) {
        Directory dir = directorySupplier.get();
        try {
            if (!DirectoryReader.indexExists(dir)) {
                return new VectorIndex(dir, null, null, layout, false);
            }
            SearcherManager searchers = new SearcherManager(dir, null);
            IndexSearcher s = searchers.acquire();
            boolean same;
            try {
                same = layout.equals(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData().get(LAYOUT_KEY));
            } finally {
                searchers.release(s);
            }
            return new VectorIndex(dir, null, searchers, layout, same);
        } catch (IOException e) {
            IOUtils.closeWhileHandlingException(dir);
            throw new IndexException("cannot open vector index " + dir + " for reading: " + e.getMessage(), e);
        }
    }

    public String layout() {
        return layout;
    }

    /** Replaces the vectors of {@code articleId} (none: removes it); {@code hash} identifies the text embedded. */
    void put(String articleId, List<float[]> vectors, String hash) {
        try {
            if (vectors.isEmpty()) {
                requireWriter().deleteDocuments(new Term(ARTICLE_ID, articleId));
                return;
            }
            List<Document> docs = new ArrayList<>(vectors.size());
            for (float[] v : vectors) {
                Document d = new Document();
                d.add(new StringField(ARTICLE_ID, articleId, Field.Store.NO));
                d.add(new SortedDocValuesField(ARTICLE_ID, new BytesRef(articleId)));
                d.add(new SortedDocValuesField(HASH, new BytesRef(hash)));
                d.add(new KnnFloatVectorField(VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT));
                docs.add(d);
            }
            requireWriter().updateDocuments(new Term(ARTICLE_ID, articleId), docs);
        } catch (IOException e) {
            throw new IndexException("cannot store the vectors of " + articleId + ": " + e.getMessage(), e);
        }
    }

    void delete(String articleId) {
        put(articleId, List.of(), "");
    }

    void deleteAll() {
        try {
            requireWriter().deleteAll();
            writer.setLiveCommitData(Map.of(LAYOUT_KEY, layout).entrySet());
        } catch (IOException e) {
            throw new IndexException("cannot clear the vector index: " + e.getMessage(), e);
        }
    }

    /** Makes changes durable and visible to searches. */
    void commit() {
        try {
            requireWriter().commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new IndexException("cannot commit the vector index: " + e.getMessage(), e);
        }
    }

    /** Makes changes visible to searches without making them durable. */
    void refresh() {
        try {
            if (searchers != null) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new IndexException("cannot refresh the vector index: " + e.getMessage(), e);
        }
    }

    /** The articles holding vectors and the hash of the text each was embedded from (as of the last refresh). */
    Map<String, String> hashes() {
        Map<String, String> out = new HashMap<>();
        if (searchers == null || !current) {
            return out;
        }
        withSearcher(s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(ARTICLE_ID);
                SortedDocValues hashes = leaf.reader().getSortedDocValues(HASH);
                var live = leaf.reader().getLiveDocs();
                if (ids == null || hashes == null) {
                    continue;
                }
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    if ((live == null || live.get(d)) && ids.advanceExact(d) && hashes.advanceExact(d)) {
                        out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(),
                                hashes.lookupOrd(hashes.ordValue()).utf8ToString());
                    }
                }
            }
            return null;
        });
        return out;
    }

    /** Number of articles with vectors (as of the last refresh). */
    public int articleCount() {
        return hashes().size();
    }

    /** Whether any vector can be searched. */
    public boolean hasVectors() {
        if (searchers == null || !current) {
            return false;
        }
        return withSearcher(s -> s.getIndexReader().numDocs() > 0);
    }

    /**
     * The {@code k} articles whose best chunk is closest to {@code query} (a unit vector), best
     * first; {@code chunksPerArticle} widens the chunk search so that {@code k} articles come back.
     */
    public List<Hit> search(float[] query, int k, int chunksPerArticle) {
        if (searchers == null || !current) {
            return List.of();
        }
        return withSearcher(s -> {
            int n = Math.max(1, k * Math.max(1, chunksPerArticle));
            ScoreDoc[] hits = s.search(new KnnFloatVectorQuery(VECTOR, query, n), n).scoreDocs;
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            Map<String, Double> best = new LinkedHashMap<>();
            for (ScoreDoc sd : hits) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                SortedDocValues ids = leaf.reader().getSortedDocValues(ARTICLE_ID);
                if (ids != null && ids.advanceExact(sd.doc - leaf.docBase)) {
                    // Lucene scores a dot product d as (1 + d) / 2
                    best.merge(ids.lookupOrd(ids.ordValue()).utf8ToString(), 2.0 * sd.score - 1, Math::max);
                }
            }
            List<Hit> out = new ArrayList<>(best.size());
            best.forEach((id, sim) -> out.add(new Hit(id, sim)));
            out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return out.size() > k ? out.subList(0, k) : out;
        });
    }

    /**
     * The similarity of each of {@code articleIds} to {@code query}: that of its best chunk; an
     * article without vectors is left out. Reads the stored vectors, so it costs one dot product per
     * chunk, for scoring articles the vector search did not return.
     */
    public Map<String, Double> similarities(float[] query, java.util.Collection<String> articleIds) {
        Map<String, Double> out = new HashMap<>();
        if (searchers == null || !current || articleIds.isEmpty()) {
            return out;
        }
        withSearcher(s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                org.apache.lucene.index.Terms terms = leaf.reader().terms(ARTICLE_ID);
                org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
                if (terms == null || values == null) {
                    continue;
                }
                org.apache.lucene.index.TermsEnum te = terms.iterator();
                var live = leaf.reader().getLiveDocs();
                org.apache.lucene.index.PostingsEnum postings = null;
                for (String id : articleIds) {
                    if (!te.seekExact(new BytesRef(id))) {
                        continue;
                    }
                    postings = te.postings(postings, org.apache.lucene.index.PostingsEnum.NONE);
                    var it = values.iterator();
                    for (int d = postings.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
                            d = postings.nextDoc()) {
                        if ((live == null || live.get(d)) && (it.docID() == d || it.advance(d) == d)) {
                            double sim = dot(query, values.vectorValue(it.index()));
                            out.merge(id, sim, Math::max);
                        }
                    }
                }
            }
            return null;
        });
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private interface Work<T> {
        T run(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(Work<T> work) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return work.run(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new IndexException("vector search failed: " + e.getMessage(), e);
        }
    }

    private IndexWriter requireWriter() {
        if (writer == null) {
            throw new IndexException("the vector index is open read-only", null);
        }
        return writer;
    }

    @Override
    public void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.close();
            }
        } catch (IOException e) {
            throw new IndexException("cannot close the vector index: " + e.getMessage(), e);
        } finally {
            IOUtils.closeWhileHandlingException(directory);
        }
    }
}
