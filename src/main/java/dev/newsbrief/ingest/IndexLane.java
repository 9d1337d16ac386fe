package dev.newsbrief.ingest;

import dev.newsbrief.index.PassageIndex;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The last stage of the ingest pipeline: applies committed batches to the Lucene index on one
 * thread of its own, in the order they were handed over, while the writer goes on with SQLite.
 * Batches must be submitted in commit order (the {@link Ingester} does so under its write lock),
 * so an article's newest version is always indexed last. At most a few batches wait at a time,
 * which bounds memory when Lucene is the slower stage. After a batch, a large in-memory buffer
 * is written out as a segment ({@link PassageIndex#flushLargeBuffer()}), so that the final
 * commit, which runs when nothing else is left to do, has little to write. The thread ends when idle.
 */
final class IndexLane {
    private static final int MAX_WAITING_BATCHES = 4;

    private final PassageIndex index;
    private final Semaphore waiting = new Semaphore(MAX_WAITING_BATCHES);
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, 2, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> Thread.ofPlatform().name("newsbrief-ingest-index").daemon().unstarted(r));

    IndexLane(PassageIndex index) {
        this.index = index;
    }

    /**
     * Queues a committed batch for indexing, waiting while too many are queued already.
     * The returned future fails with the indexing error, if any.
     */
    Future<?> submit(List<ArticleBatch.Written> written) throws InterruptedException {
        if (written.stream().noneMatch(ArticleBatch.Written::changesIndex)) {
            return CompletableFuture.completedFuture(null);
        }
        waiting.acquire();
        try {
            return thread.submit(() -> {
                try {
                    for (ArticleBatch.Written w : written) {
                        if (w.changesIndex()) {
                            index.index(w.article(), w.prepared().passages());
                        }
                    }
                    index.flushLargeBuffer();
                } finally {
                    waiting.release();
                }
            });
        } catch (RuntimeException e) {
            waiting.release();
            throw e;
        }
    }

    /** Waits for {@code future}, rethrowing an indexing failure as it was thrown. */
    static void await(Future<?> future) throws InterruptedException {
        try {
            future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IngestException("indexing failed: " + e.getCause(), e.getCause());
        }
    }
}
