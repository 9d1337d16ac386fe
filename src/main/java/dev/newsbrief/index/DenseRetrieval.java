package dev.newsbrief.index;

import dev.newsbrief.core.NewsbriefException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dense retrieval as one process opens it ({@code retrieval:}): the question model, the vector
 * index beside the passage index and, when writing, the background {@link DenseIndexer} that
 * fills it. With {@code retrieval.dense: false} nothing is loaded; a model that fails to load
 * leaves one warning line and questions are answered with BM25 alone. Closing stops the indexer,
 * then releases the model and the vectors.
 */
public final class DenseRetrieval implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DenseRetrieval.class);

    private final DenseSearch search;
    private final DenseIndexer indexer;
    private final Embedder model;
    private final VectorIndex vectors;

    private DenseRetrieval(DenseSearch search, DenseIndexer indexer, Embedder model, VectorIndex vectors) {
        this.search = search;
        this.indexer = indexer;
        this.model = model;
        this.vectors = vectors;
    }

    /** Dense retrieval switched off: BM25 alone, nothing loaded. */
    public static DenseRetrieval off() {
        return new DenseRetrieval(DenseSearch.off(), null, null, null);
    }

    /**
     * Writable vectors in {@code directory}, kept in step with {@code index} by a started
     * background indexer (which first compares both indexes and embeds what the vectors lack).
     */
    public static DenseRetrieval open(Supplier<Directory> directory, PassageIndex index, RetrievalOptions o) {
        return open(directory, index, o, OnnxEmbedder::load);
    }

    /** Like {@link #open(Supplier, PassageIndex, RetrievalOptions)} with another model (one session per call). */
    public static DenseRetrieval open(Supplier<Directory> directory, PassageIndex index, RetrievalOptions o,
            Supplier<Embedder> sessions) {
        if (!o.dense()) {
            return off();
        }
        Embedder model = load(sessions);
        if (model == null) {
            return off();
        }
        try {
            VectorIndex vectors = VectorIndex.openWritable(directory, o.layout(model.modelId()));
            DenseIndexer indexer = new DenseIndexer(index, vectors, sessions, o.embedThreads(), o.chunks(),
                    o.chunkChars()).start();
            return new DenseRetrieval(new DenseSearch(model, vectors, o), indexer, model, vectors);
        } catch (NewsbriefException e) {
            model.close();
            throw e;
        }
    }

    /** The last committed vectors in {@code directory}, for searching beside a process that writes them. */
    public static DenseRetrieval openReadOnly(Supplier<Directory> directory, RetrievalOptions o) {
        if (!o.dense()) {
            return off();
        }
        Embedder model = load(OnnxEmbedder::load);
        if (model == null) {
            return off();
        }
        VectorIndex vectors = VectorIndex.openReadOnly(directory, o.layout(model.modelId()));
        return new DenseRetrieval(new DenseSearch(model, vectors, o), null, model, vectors);
    }

    /** The question model, or null after one warning line when it cannot be loaded. */
    private static Embedder load(Supplier<Embedder> sessions) {
        try {
            return sessions.get();
        } catch (NewsbriefException e) {
            log.warn("dense retrieval is off: {}; answering with BM25 alone", e.getMessage());
            return null;
        }
    }

    /** The question side, for the briefing service. */
    public DenseSearch search() {
        return search;
    }

    /** The background indexer, or null when not writing or off. */
    public DenseIndexer indexer() {
        return indexer;
    }

    /** Whether the model is loaded (vectors are used or built). */
    public boolean on() {
        return model != null;
    }

    /**
     * Waits for the vectors of everything indexed so far (at most {@code max}) and says how many were
     * embedded, how long it took and whether they are complete; the caller decides where to print it.
     */
    public VectorWait awaitVectors(Duration max) throws InterruptedException {
        if (indexer == null) {
            return new VectorWait(0, 0, 0, true);
        }
        long t0 = System.nanoTime();
        boolean done = indexer.awaitIdle(max);
        DenseIndexer.Progress p = indexer.progress();
        return new VectorWait(p.articles(), p.chunks(), (System.nanoTime() - t0) / 1e9, done);
    }

    /** What {@link #awaitVectors} waited for: articles and chunks embedded, seconds waited, all done or not. */
    public record VectorWait(long articles, long chunks, double seconds, boolean complete) {
        /** One line for a command's output. */
        public String line() {
            return String.format(Locale.ROOT, "vectors: %d articles embedded (%d chunks) in %.1f s%s", articles,
                    chunks, seconds, complete ? "" : "; the rest follow in the background");
        }
    }

    @Override
    public void close() {
        if (indexer != null) {
            indexer.close();
        }
        if (model != null) {
            model.close();
        }
        if (vectors != null) {
            vectors.close();
        }
    }
}
