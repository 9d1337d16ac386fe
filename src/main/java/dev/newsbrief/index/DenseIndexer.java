package dev.newsbrief.index;

import dev.newsbrief.store.Article;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link VectorIndex} in step with the {@link PassageIndex}, in the background: the
 * text of a new article is searchable at once and its vectors follow, so a backlog being embedded
 * never holds up ingestion or answers. It listens to the passage index (new, changed and removed
 * articles), and on start compares both indexes, embedding what is missing or out of date and
 * dropping vectors of articles that are gone, so a crash, a rebuild or a change of model is
 * repaired by itself. Each worker thread runs its own model session, one text per call.
 *
 * <p>Waiting work is bounded: past {@value #MAX_PENDING} articles new work is not queued but
 * found again by comparing the indexes once the queue has drained.
 */
public final class DenseIndexer implements PassageIndex.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DenseIndexer.class);
    static final int MAX_PENDING = 50_000;
    /** Vectors become searchable at least this often while a backlog is embedded. */
    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();
    /** ... and durable at least this often. */
    private static final long COMMIT_NANOS = Duration.ofSeconds(10).toNanos();
    /** A worker idle this long releases its model session (tens of megabytes of native memory). */
    private static final long IDLE_NANOS = Duration.ofSeconds(60).toNanos();

    /**
     * What has been done: articles embedded, chunks embedded, CPU time the workers spent in the model
     * (thread CPU time, so a loaded machine does not inflate it), work waiting.
     */
    public record Progress(long articles, long chunks, long embedCpuNanos, int pending, boolean failed) {
    }

    /** Embed these chunks as the article's vectors (none: remove its vectors). */
    private record Job(String articleId, List<String> chunks, String hash) {
    }

    private final PassageIndex main;
    private final VectorIndex vectors;
    private final Supplier<Embedder> sessions;
    private final int threads;
    private final int maxChunks;
    private final int chunkChars;

    private final Object lock = new Object();
    private final LinkedHashMap<String, Job> pending = new LinkedHashMap<>();
    private int inFlight;
    /**
     * Text hashes of the articles workers took since the running comparison began (or were
     * embedding when it began): the comparison may read such an article before its vectors are
     * written, and must not queue it a second time.
     */
    private final Map<String, String> taken = new HashMap<>();
    private final Map<String, String> embedding = new HashMap<>();
    private boolean compare = true;
    private boolean comparing;
    private boolean closed;
    private boolean failed;
    /** Counts rebuilds: what a comparison found before the index was cleared is dropped. */
    private int generation;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicLong articles = new AtomicLong();
    private final AtomicLong chunks = new AtomicLong();
    private final AtomicLong embedCpuNanos = new AtomicLong();
    private final ThreadMXBean threadTimes = ManagementFactory.getThreadMXBean();
    private long lastRefresh = System.nanoTime();
    private long lastCommit = System.nanoTime();
    private boolean dirty;

    /**
     * @param sessions makes one model session per worker thread
     * @param threads  worker threads (model sessions)
     */
    public DenseIndexer(PassageIndex main, VectorIndex vectors, Supplier<Embedder> sessions, int threads,
            int maxChunks, int chunkChars) {
        this.main = main;
        this.vectors = vectors;
        this.sessions = sessions;
        this.threads = Math.max(1, threads);
        this.maxChunks = maxChunks;
        this.chunkChars = chunkChars;
    }

    /** Starts the workers: the first compares the indexes, then all embed what is waiting. */
    public DenseIndexer start() {
        main.addListener(this);
        for (int i = 0; i < threads; i++) {
            Thread t = Thread.ofPlatform().name("newsbrief-embed-" + i).daemon().unstarted(this::work);
            workers.add(t);
            t.start();
        }
        return this;
    }

    @Override
    public void indexed(Article article, List<Passage> passages) {
        List<String> texts = new ArrayList<>(passages.size());
        passages.forEach(p -> texts.add(p.text()));
        List<String> chunkTexts = DenseChunks.of(article.title(), texts, maxChunks, chunkChars);
        queue(new Job(article.id(), chunkTexts, hash(chunkTexts)));
    }

    @Override
    public void deleted(String articleId) {
        queue(new Job(articleId, List.of(), ""));
    }

    @Override
    public void cleared() {
        synchronized (lock) {
            pending.clear();
            generation++;
            compare = false; // everything is indexed anew, and queued as it is
            if (!failed) {
                vectors.deleteAll();
                dirty = true;
            }
            lock.notifyAll();
        }
    }

    private void queue(Job job) {
        synchronized (lock) {
            if (failed || closed) {
                return;
            }
            if (pending.size() >= MAX_PENDING && !pending.containsKey(job.articleId())) {
                compare = true; // found again by comparing the indexes once the queue has drained
                return;
            }
            pending.remove(job.articleId());
            pending.put(job.articleId(), job);
            lock.notifyAll();
        }
    }

    public Progress progress() {
        synchronized (lock) {
            return new Progress(articles.get(), chunks.get(), embedCpuNanos.get(), pending.size() + inFlight, failed);
        }
    }

    /**
     * Waits until everything handed over so far has its vectors (or {@code max} has passed), then
     * makes them durable and searchable.
     *
     * @return whether the work was done in time
     */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (!idle() && !failed && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
        }
        if (!failed) {
            vectors.commit();
        }
        return !failed;
    }

    private boolean idle() {
        return pending.isEmpty() && inFlight == 0 && !compare && !comparing;
    }

    /** A worker: embeds waiting articles with its own model session, loaded when work comes, released when idle. */
    private void work() {
        Embedder model = null;
        long idleSince = System.nanoTime();
        try {
            while (true) {
                Job job = null;
                boolean doCompare = false;
                synchronized (lock) {
                    while (!closed && !failed && pending.isEmpty() && !(compare && !comparing)) {
                        lock.wait(1000);
                        maybeFlush(false);
                        if (model != null && System.nanoTime() - idleSince > IDLE_NANOS) {
                            model.close(); // an idle bot keeps no model sessions but the question's
                            model = null;
                        }
                    }
                    if (closed || failed) {
                        return;
                    }
                    if (compare && !comparing && (pending.isEmpty() || pending.size() >= MAX_PENDING)) {
                        compare = false;
                        comparing = true;
                        doCompare = true;
                        taken.clear();
                        taken.putAll(embedding);
                    } else if (!pending.isEmpty()) {
                        Iterator<Job> it = pending.values().iterator();
                        job = it.next();
                        it.remove();
                        inFlight++;
                        embedding.put(job.articleId(), job.hash());
                        if (comparing) {
                            taken.put(job.articleId(), job.hash());
                        }
                    } else {
                        continue;
                    }
                }
                if (doCompare) {
                    compareIndexes();
                    continue;
                }
                if (model == null) {
                    try {
                        model = sessions.get();
                    } catch (RuntimeException | LinkageError e) {
                        synchronized (lock) {
                            inFlight--;
                            embedding.remove(job.articleId(), job.hash());
                        }
                        fail(e);
                        return;
                    }
                }
                embed(model, job);
                idleSince = System.nanoTime();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            if (model != null) {
                model.close();
            }
        }
    }

    private void embed(Embedder model, Job job) {
        try {
            List<float[]> out = new ArrayList<>(job.chunks().size());
            long t0 = threadTimes.getCurrentThreadCpuTime();
            for (String chunk : job.chunks()) {
                out.add(model.embed(chunk));
            }
            embedCpuNanos.addAndGet(Math.max(0, threadTimes.getCurrentThreadCpuTime() - t0));
            vectors.put(job.articleId(), out, job.hash());
            if (!out.isEmpty()) {
                articles.incrementAndGet();
                chunks.addAndGet(out.size());
            }
        } finally {
            synchronized (lock) {
                inFlight--;
                embedding.remove(job.articleId(), job.hash());
                dirty = true;
                maybeFlush(pending.isEmpty() && inFlight == 0);
                lock.notifyAll();
            }
        }
    }

    /** Makes new vectors searchable every second and durable every ten, or at once when all is done. Under lock. */
    private void maybeFlush(boolean allDone) {
        if (!dirty || failed) {
            return;
        }
        long now = System.nanoTime();
        if (allDone || now - lastCommit > COMMIT_NANOS) {
            vectors.commit();
            lastCommit = now;
            lastRefresh = now;
            dirty = false;
        } else if (now - lastRefresh > REFRESH_NANOS) {
            vectors.refresh();
            lastRefresh = now;
        }
    }

    /**
     * Compares the passage index with the vectors: articles without vectors, or whose text
     * changed since it was embedded, are queued; vectors of articles that are gone are removed.
     */
    private void compareIndexes() {
        int started;
        synchronized (lock) {
            started = generation;
        }
        try {
            // the vectors first, then the passage index: vectors written before the comparison began
            // are seen by it even if not yet refreshed (workers refresh once a second), else an article
            // embedded while others still waited would be embedded again (work taken since is in
            // taken); and every article with vectors is then in the passage index read after them,
            // unless deleted since (its deletion is queued already), so none loses its vectors
            vectors.refresh();
            Map<String, String> have = vectors.hashes();
            main.refresh();
            Set<String> seen = new java.util.HashSet<>();
            int queued = main.withSearcher(s -> {
                int n = 0;
                for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                    n += compareLeaf(leaf, have, seen, started);
                }
                return n;
            });
            int removed = 0;
            for (String id : have.keySet()) {
                if (!seen.contains(id) && queueIfAbsent(new Job(id, List.of(), ""), started)) {
                    removed++;
                }
            }
            if (queued + removed > 0) {
                log.info("dense vectors: {} articles to embed, {} to remove", queued, removed);
            }
        } finally {
            synchronized (lock) {
                comparing = false;
                taken.clear();
                lock.notifyAll();
            }
        }
    }

    /** Walks one segment's article blocks (consecutive passages), queuing those without current vectors. */
    private int compareLeaf(LeafReaderContext leaf, Map<String, String> have, Set<String> seen, int started)
            throws java.io.IOException {
        SortedDocValues ids = leaf.reader().getSortedDocValues(PassageFields.ARTICLE_ID);
        if (ids == null) {
            return 0;
        }
        Bits live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        Set<String> fields = Set.of(PassageFields.TITLE, PassageFields.TEXT);
        int queued = 0;
        int maxDoc = leaf.reader().maxDoc();
        int needed = (maxChunks + 1) * chunkChars;
        String current = null;
        String title = null;
        List<String> texts = new ArrayList<>();
        int length = 0;
        for (int d = 0; d <= maxDoc; d++) {
            String id = null;
            if (d < maxDoc && (live == null || live.get(d)) && ids.advanceExact(d)) {
                id = ids.lookupOrd(ids.ordValue()).utf8ToString();
            }
            if (current != null && !current.equals(id)) {
                seen.add(current);
                List<String> chunkTexts = DenseChunks.of(title, texts, maxChunks, chunkChars);
                String h = hash(chunkTexts);
                if (!h.equals(have.get(current))) {
                    queued += queueIfAbsent(new Job(current, chunkTexts, h), started) ? 1 : 0;
                }
                current = null;
                texts.clear();
                length = 0;
            }
            if (id == null) {
                continue;
            }
            if (current == null) {
                current = id;
            }
            if (length < needed) {
                Document doc = stored.document(d, fields);
                title = title == null || texts.isEmpty() ? doc.get(PassageFields.TITLE) : title;
                String text = doc.get(PassageFields.TEXT);
                texts.add(text == null ? "" : text);
                length += text == null ? 0 : text.length();
            }
        }
        return queued;
    }

    /**
     * Queues a job found by comparing, unless newer work for the article is already waiting or the
     * index was cleared since the comparison began.
     */
    private boolean queueIfAbsent(Job job, int started) {
        synchronized (lock) {
            if (failed || closed || started != generation || pending.containsKey(job.articleId())
                    || job.hash().equals(taken.get(job.articleId()))) {
                return false;
            }
            if (pending.size() >= MAX_PENDING) {
                compare = true;
                return false;
            }
            pending.put(job.articleId(), job);
            lock.notifyAll();
            return true;
        }
    }

    private void fail(Throwable e) {
        synchronized (lock) {
            if (!failed) {
                log.warn("dense vectors are not being built ({}); answers use BM25 ranking for articles without vectors",
                        e.toString());
            }
            failed = true;
            pending.clear();
            lock.notifyAll();
        }
    }

    static String hash(List<String> chunks) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String c : chunks) {
                sha.update(c.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        for (Thread t : workers) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (lock) {
            if (dirty && !failed) {
                vectors.commit();
                dirty = false;
            }
        }
    }
}
