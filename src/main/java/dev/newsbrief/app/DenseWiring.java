package dev.newsbrief.app;

import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.index.DenseIndexer;
import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.Embedder;
import dev.newsbrief.index.OnnxEmbedder;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.store.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens dense retrieval ({@code retrieval:}): the question model, the vector index beside the
 * passage index and, when writing, the background indexer that fills it. With
 * {@code retrieval.dense: false} nothing is loaded; a model that fails to load leaves one warning
 * line and answers with BM25 alone.
 */
final class DenseWiring {
    private static final Logger log = LoggerFactory.getLogger(DenseWiring.class);

    private DenseWiring() {
    }

    /** What dense retrieval opened; closing stops the indexer, then the model and the vectors. */
    record Dense(DenseSearch search, DenseIndexer indexer, Embedder model, VectorIndex vectors) implements AutoCloseable {
        static Dense off() {
            return new Dense(DenseSearch.off(), null, null, null);
        }

        boolean on() {
            return model != null;
        }

        /**
         * Waits for the vectors of everything indexed so far, saying how long it took; returns
         * whether they are complete.
         */
        boolean awaitVectors(Duration max, java.io.PrintStream progress) throws InterruptedException {
            if (indexer == null) {
                return true;
            }
            long t0 = System.nanoTime();
            boolean done = indexer.awaitIdle(max);
            DenseIndexer.Progress p = indexer.progress();
            progress.printf(Locale.ROOT, "vectors: %d articles embedded (%d chunks) in %.1f s%s%n", p.articles(),
                    p.chunks(), (System.nanoTime() - t0) / 1e9, done ? "" : "; the rest follow in the background");
            return done;
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

    /** For a process holding the data directory: vectors in {@code data/vectors}, closed with {@code app}. */
    static Dense forWriting(AppContext app, PassageIndex index) {
        return app.manage(open(PassageIndex.onDisk(app.dir().vectors()), index, app.settings().retrieval()));
    }

    /** For a read-only command: the last committed vectors, closed with {@code app}. */
    static Dense forReading(AppContext app) {
        RetrievalOptions o = app.settings().retrieval();
        if (!o.dense()) {
            return Dense.off();
        }
        Embedder model = loadModel();
        if (model == null) {
            return Dense.off();
        }
        VectorIndex vectors = VectorIndex.openReadOnly(PassageIndex.onDisk(app.dir().vectors()),
                o.layout(model.modelId()));
        return app.manage(new Dense(new DenseSearch(model, vectors, o), null, model, vectors));
    }

    /** Writable vectors in {@code directory}, kept in step with {@code index} by a started background indexer. */
    static Dense open(Supplier<Directory> directory, PassageIndex index, RetrievalOptions o) {
        if (!o.dense()) {
            return Dense.off();
        }
        Embedder model = loadModel();
        if (model == null) {
            return Dense.off();
        }
        try {
            VectorIndex vectors = VectorIndex.openWritable(directory, o.layout(model.modelId()));
            DenseIndexer indexer = new DenseIndexer(index, vectors, OnnxEmbedder::load, o.embedThreads(), o.chunks(),
                    o.chunkChars()).start();
            return new Dense(new DenseSearch(model, vectors, o), indexer, model, vectors);
        } catch (NewsbriefException e) {
            model.close();
            throw e;
        }
    }

    /** The question model, or null after one warning line when it cannot be loaded. */
    private static Embedder loadModel() {
        try {
            return OnnxEmbedder.load();
        } catch (NewsbriefException e) {
            log.warn("dense retrieval is off: {}; answering with BM25 alone", e.getMessage());
            return null;
        }
    }
}
