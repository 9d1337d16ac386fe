package dev.newsbrief.index;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The question side of dense retrieval: embeds questions (and candidate sentences) with the
 * query model session and searches the {@link VectorIndex}. Off when no model is loaded; with a
 * model but no vectors (an index built without them) it stays off until vectors appear, saying
 * so once. Thread-safe.
 */
public final class DenseSearch {
    private static final Logger log = LoggerFactory.getLogger(DenseSearch.class);

    private final Embedder model;
    private final VectorIndex vectors;
    private final RetrievalOptions options;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicLong embedNanos = new AtomicLong();
    private final AtomicLong embedded = new AtomicLong();

    /**
     * @param model   the query session, or null when dense retrieval is off or the model failed to load
     * @param vectors the article vectors, or null
     */
    public DenseSearch(Embedder model, VectorIndex vectors, RetrievalOptions options) {
        this.model = model;
        this.vectors = vectors;
        this.options = options;
    }

    /** Dense retrieval switched off: every question is answered with BM25 alone. */
    public static DenseSearch off() {
        return new DenseSearch(null, null, RetrievalOptions.DEFAULTS.withDense(false));
    }

    public RetrievalOptions options() {
        return options;
    }

    /** Whether questions can be embedded (the model is loaded), for scoring sentences. */
    public boolean canEmbed() {
        return model != null;
    }

    /** Whether the model understands questions in {@code language} (see {@link Embedder#reads}). */
    public boolean reads(String language) {
        return model != null && model.reads(language);
    }

    /** Whether articles can be searched by vector: a model, and vectors to search. */
    public boolean canSearch() {
        if (model == null || vectors == null) {
            return false;
        }
        if (vectors.hasVectors()) {
            return true;
        }
        if (warned.compareAndSet(false, true)) {
            log.warn("the index has no dense vectors (yet); questions are answered with BM25 ranking alone");
        }
        return false;
    }

    /** The unit vector of {@code text}, or empty when no model is loaded. */
    public Optional<float[]> embed(String text) {
        if (model == null) {
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        float[] v = model.embed(text);
        embedNanos.addAndGet(System.nanoTime() - t0);
        embedded.incrementAndGet();
        return Optional.of(v);
    }

    /** The articles closest to {@code query}, best first, at most {@code retrieval.dense-candidates}. */
    public List<VectorIndex.Hit> search(float[] query) {
        return vectors == null ? List.of() : vectors.search(query, options.denseCandidates(), options.chunks());
    }

    /** The similarity of each article to {@code query} (its best chunk), for articles found otherwise. */
    public java.util.Map<String, Double> similarities(float[] query, java.util.Collection<String> articleIds) {
        return vectors == null ? java.util.Map.of() : vectors.similarities(query, articleIds);
    }

    /** Time spent embedding so far, and how many texts: what benchmarks report apart from search. */
    public long embedNanos() {
        return embedNanos.get();
    }

    public long embeddedTexts() {
        return embedded.get();
    }

    /** Dot product of two unit vectors: their cosine similarity. */
    public static double similarity(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length && i < b.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
