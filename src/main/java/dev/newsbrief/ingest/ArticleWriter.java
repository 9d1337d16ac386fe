package dev.newsbrief.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing half of ingestion: takes prepared articles in input order, stores them in
 * {@link ArticleBatch}es (a batch commits at {@code batchArticles} articles or after
 * {@code batchMillis}, whichever comes first, so other writers are never kept waiting long) and
 * hands each committed batch to the {@link IndexLane}. One batch at a time across all callers
 * (files and feeds): the duplicate check and the story band index update must not interleave.
 * That lock is always taken before the database's write lock.
 */
final class ArticleWriter {
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    private final Supplier<ArticleBatch> batches;
    private final IndexLane indexLane;
    private final int batchArticles;
    private final long batchMillis;
    private final ReentrantLock writing = new ReentrantLock();

    ArticleWriter(Supplier<ArticleBatch> batches, IndexLane indexLane, int batchArticles, long batchMillis) {
        this.batches = batches;
        this.indexLane = indexLane;
        this.batchArticles = batchArticles;
        this.batchMillis = batchMillis;
    }

    /** Runs {@code work} while no batch is being written (story assignment of older articles, say). */
    void exclusively(Runnable work) {
        writing.lock();
        try {
            work.run();
        } finally {
            writing.unlock();
        }
    }

    /** Stores one article in a transaction of its own and waits until it is indexed (not yet committed). */
    IngestOutcome writeOne(PreparedArticle article) {
        Flushed flushed;
        writing.lock();
        try (ArticleBatch batch = openBatch()) {
            batch.add(article);
            flushed = flush(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("ingest interrupted", e);
        } finally {
            writing.unlock();
        }
        awaitIndexed(flushed.indexed());
        return flushed.outcomes().get(0);
    }

    /** Where the writer takes items from; null means none arrived within the wait. */
    @FunctionalInterface
    interface ItemSource {
        PreparingReader.Item next(long maxWaitNanos) throws InterruptedException;
    }

    /** Writes items in batches until the source ends; counts every outcome in input order. */
    void write(ItemSource source, IngestReport.Tally tally, IngestProgress progress) {
        long batchNanos = batchMillis * 1_000_000L;
        ArticleBatch batch = null;
        Deque<Future<?>> indexing = new ArrayDeque<>();
        try {
            while (true) {
                long wait = batch == null ? Long.MAX_VALUE : batchNanos - batch.ageNanos();
                PreparingReader.Item item = wait <= 0 ? null : source.next(wait);
                if (item == null || item instanceof PreparingReader.End) {
                    if (batch != null) {
                        ArticleBatch full = batch;
                        batch = null;
                        commitAndCount(full, tally, indexing);
                    }
                    if (item instanceof PreparingReader.End end && end.failure() != null) {
                        throw new IngestException("reading input failed: " + end.failure().getMessage(),
                                end.failure());
                    }
                    if (item != null) {
                        while (!indexing.isEmpty()) {
                            IndexLane.await(indexing.poll());
                        }
                        return;
                    }
                    continue;
                }
                switch (item) {
                    case PreparingReader.Bytes b -> {
                        tally.bytes(b.count());
                        progress.advance(b.count());
                    }
                    case PreparingReader.Note n -> tally.note(n.text());
                    case PreparingReader.Rejected r -> {
                        if (batch != null) {
                            batch.pass(r.outcome());
                        } else {
                            count(tally, r.outcome());
                        }
                    }
                    case PreparingReader.Ready r -> {
                        if (batch == null) {
                            writing.lock();
                            try {
                                batch = openBatch();
                            } finally {
                                if (batch == null) {
                                    writing.unlock();
                                }
                            }
                        }
                        batch.add(r.article());
                        if (batch.size() >= batchArticles) {
                            ArticleBatch full = batch;
                            batch = null;
                            commitAndCount(full, tally, indexing);
                        }
                    }
                    case PreparingReader.End e -> throw new IllegalStateException("handled above");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("ingest interrupted", e);
        } finally {
            if (batch != null) {
                try {
                    batch.close();
                } finally {
                    writing.unlock();
                }
            }
            // only left on failure: let queued indexing finish so the caller's index commit includes it
            for (Future<?> f : indexing) {
                try {
                    f.get();
                } catch (InterruptedException | ExecutionException e) {
                    log.debug("indexing after a failed ingest: {}", e.toString());
                }
            }
        }
    }

    private ArticleBatch openBatch() {
        return batches.get();
    }

    /**
     * Commits a batch opened under {@link #writing} (released here), counts its outcomes and
     * queues its indexing; an indexing failure of an earlier batch surfaces here.
     */
    private void commitAndCount(ArticleBatch batch, IngestReport.Tally tally, Deque<Future<?>> indexing)
            throws InterruptedException {
        Flushed flushed;
        try (batch) {
            flushed = flush(batch);
        } finally {
            writing.unlock();
        }
        flushed.outcomes().forEach(o -> count(tally, o));
        indexing.add(flushed.indexed());
        while (!indexing.isEmpty() && indexing.peek().isDone()) {
            IndexLane.await(indexing.poll());
        }
    }

    /** A committed batch: what happened to each item, and its indexing (done or under way). */
    private record Flushed(List<IngestOutcome> outcomes, Future<?> indexed) {
    }

    /**
     * Commits the batch, then hands what it stored to the index lane; Lucene never runs ahead of
     * SQLite, and since this runs under {@link #writing}, batches are indexed in commit order.
     */
    private Flushed flush(ArticleBatch batch) throws InterruptedException {
        List<ArticleBatch.Written> written = batch.commit();
        Future<?> indexed = indexLane.submit(written);
        return new Flushed(written.stream().map(ArticleBatch.Written::outcome).toList(), indexed);
    }

    private static void awaitIndexed(Future<?> indexed) {
        try {
            IndexLane.await(indexed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("ingest interrupted", e);
        }
    }

    /** Counts an outcome of a run; the tally logs skipped items (the first few one by one). */
    static void count(IngestReport.Tally tally, IngestOutcome outcome) {
        tally.count(outcome);
    }

    static void logIfSkipped(IngestOutcome outcome) {
        if (outcome.status() == IngestOutcome.Status.SKIPPED) {
            log.warn("skipped {}: {}", outcome.origin(), outcome.reason());
        }
    }
}
