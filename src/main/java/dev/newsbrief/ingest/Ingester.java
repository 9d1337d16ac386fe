package dev.newsbrief.ingest;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings articles into newsbrief: reads files and directories (recursively), cleans each
 * article, gives it a stable id, detects exact and near duplicates, stores it in SQLite and
 * indexes its passages. The index is committed once at the end of a run. Bad input is skipped
 * with a reason; the rest goes in.
 *
 * <p>Files are read and articles prepared (cleaned, fingerprinted, split into passages) on a
 * {@link PreparingReader} thread while the calling thread writes. Writes go in
 * {@link ArticleBatch}es: one SQLite transaction per batch (at most {@code batchArticles} articles
 * or {@code batchMillis} of work), one savepoint per article, so a failing article or listener
 * rolls back only itself and a crash leaves whole articles. Passages reach Lucene after their
 * batch commits, so the index never holds what SQLite does not.
 */
public final class Ingester {
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    /**
     * @param maxFileSize    largest file (or .jsonl line) accepted, in bytes
     * @param nearDuplicates near-duplicate thresholds
     * @param batchArticles  most articles committed in one SQLite transaction
     * @param batchMillis    longest a batch stays open before it commits (and lets other writers in)
     */
    public record Options(long maxFileSize, NearDuplicateDetector.Options nearDuplicates, int batchArticles,
            long batchMillis) {
        public static final Options DEFAULTS = new Options(10L * 1024 * 1024, NearDuplicateDetector.Options.DEFAULTS);

        public Options {
            Objects.requireNonNull(nearDuplicates, "nearDuplicates");
            if (maxFileSize <= 0) {
                throw new IllegalArgumentException("maxFileSize must be positive: " + maxFileSize);
            }
            if (batchArticles < 1 || batchMillis < 1) {
                throw new IllegalArgumentException("batch limits must be positive: " + batchArticles + " articles, "
                        + batchMillis + " ms");
            }
        }

        /** Options with the default batch limits (200 articles, 250 ms). */
        public Options(long maxFileSize, NearDuplicateDetector.Options nearDuplicates) {
            this(maxFileSize, nearDuplicates, 200, 250);
        }
    }

    private final ArticleStore store;
    private final Database db;
    private final PassageIndex index;
    private final Options options;
    private final Clock clock;
    private final ArticleCleaner cleaner;
    private final InputReader reader;
    private final NearDuplicateDetector nearDuplicates;
    private final List<NewArticleListener> listeners = new CopyOnWriteArrayList<>();
    private final IndexLane indexLane;
    // One batch at a time across feeds and files: the duplicate check and the detector update must
    // not interleave. Taken before the database's write lock, always in that order.
    private final ReentrantLock writing = new ReentrantLock();

    public Ingester(ArticleStore store, PassageIndex index, Options options, Clock clock) {
        this.store = store;
        this.db = store.database();
        this.index = index;
        this.options = options;
        this.clock = clock;
        this.cleaner = new ArticleCleaner(CleaningRules.defaults());
        this.reader = new InputReader(options.maxFileSize());
        this.nearDuplicates = NearDuplicateDetector.load(db, options.nearDuplicates());
        this.indexLane = new IndexLane(index);
    }

    /** Registers a hook run inside the transaction (savepoint) of every new original article. */
    public void addListener(NewArticleListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Ingests files and directories (walked recursively, in name order); commits the index at the end. */
    public IngestReport ingest(List<Path> paths, IngestProgress progress) {
        IngestReport.Tally tally = new IngestReport.Tally();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            collect(p, files, tally);
        }
        progress.start(files.stream().mapToLong(Ingester::sizeOf).sum());
        try (PreparingReader prepared = new PreparingReader(files, reader, this::prepare)) {
            write(prepared::poll, tally, progress);
        } finally {
            index.commit();
            progress.finish();
        }
        IngestReport report = tally.report();
        log.info("ingest done: added {}, updated {}, unchanged {}, duplicates {}, skipped {}", report.added(),
                report.updated(), report.unchanged(), report.duplicates(), report.skipped().size());
        return report;
    }

    /** Ingests the seed articles under {@code seedsDir}; running it again changes nothing. */
    public IngestReport ingestSeeds(Path seedsDir) {
        if (!Files.isDirectory(seedsDir)) {
            log.info("no seeds directory at {}", seedsDir);
            return new IngestReport.Tally().report();
        }
        return ingest(List.of(seedsDir), IngestProgress.NONE);
    }

    /**
     * Ingests one already-parsed article (a feed item, say) in its own transaction and commits
     * the index, so it is searchable when this returns.
     */
    public IngestOutcome ingest(ParsedArticle article, String origin) {
        IngestOutcome outcome = switch (prepare(article, origin)) {
            case PreparingReader.Ready r -> {
                Flushed flushed;
                writing.lock();
                try (ArticleBatch batch = openBatch()) {
                    batch.add(r.article());
                    flushed = flush(batch);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IngestException("ingest interrupted", e);
                } finally {
                    writing.unlock();
                }
                awaitIndexed(flushed.indexed());
                yield flushed.outcomes().get(0);
            }
            case PreparingReader.Rejected r -> r.outcome();
            default -> throw new IllegalStateException("prepare gives Ready or Rejected");
        };
        logIfSkipped(outcome);
        if (outcome.status() == IngestOutcome.Status.ADDED || outcome.status() == IngestOutcome.Status.UPDATED) {
            index.commit();
        }
        return outcome;
    }

    /** Ingests already-parsed articles and commits the index once at the end. */
    public IngestReport ingestAll(List<ParseOutcome> items) {
        IngestReport.Tally tally = new IngestReport.Tally();
        Iterator<ParseOutcome> it = items.iterator();
        try {
            write(nanos -> it.hasNext() ? prepare(it.next()) : new PreparingReader.End(null), tally,
                    IngestProgress.NONE);
        } finally {
            index.commit();
        }
        return tally.report();
    }

    /** Where the writer takes items from; null means none arrived within the wait. */
    @FunctionalInterface
    private interface ItemSource {
        PreparingReader.Item next(long maxWaitNanos) throws InterruptedException;
    }

    /** Writes items in batches until the source ends; counts every outcome in input order. */
    private void write(ItemSource source, IngestReport.Tally tally, IngestProgress progress) {
        long batchNanos = options.batchMillis() * 1_000_000L;
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
                    case PreparingReader.Note n -> {
                        log.warn("{}", n.text());
                        tally.note(n.text());
                    }
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
                        if (batch.size() >= options.batchArticles()) {
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
        return new ArticleBatch(db, store, nearDuplicates, listeners);
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

    private static void count(IngestReport.Tally tally, IngestOutcome outcome) {
        logIfSkipped(outcome);
        tally.count(outcome);
    }

    private static void logIfSkipped(IngestOutcome outcome) {
        if (outcome.status() == IngestOutcome.Status.SKIPPED) {
            log.warn("skipped {}: {}", outcome.origin(), outcome.reason());
        }
    }

    private PreparingReader.Item prepare(ParseOutcome outcome) {
        return switch (outcome) {
            case ParseOutcome.Rejected r -> new PreparingReader.Rejected(IngestOutcome.skipped(r.origin(), r.reason()));
            case ParseOutcome.Parsed p -> prepare(p.article(), p.origin());
        };
    }

    /** Cleaning, fingerprints, identity and passages: everything that needs no database. Thread-safe. */
    private PreparingReader.Item prepare(ParsedArticle parsed, String origin) {
        ArticleCleaner.Cleaned clean = cleaner.clean(parsed);
        if (clean.body().isBlank()) {
            return new PreparingReader.Rejected(IngestOutcome.skipped(origin, "no article text left after cleaning"));
        }
        Fingerprints.Summary fingerprints = Fingerprints.summarise(clean.body());
        String hash = fingerprints.contentHash();
        long[] shingles = fingerprints.shingles();
        long simhash = Fingerprints.simhash(shingles);
        String url = blankToNull(parsed.url());
        String id = identity(parsed.id(), url, hash);
        Instant now = clock.instant();
        Article candidate = new Article(id, url, clean.title().isEmpty() ? "(untitled)" : clean.title(),
                blankToNull(parsed.source()), parsed.publishedAt(), now, now, clean.body(), hash, simhash, null,
                parsed.tags());
        return new PreparingReader.Ready(new PreparedArticle(origin, candidate, shingles, fingerprints.wordCount(),
                index.passagesOf(candidate)));
    }

    /** The given id, else the canonical URL, else a content hash. */
    static String identity(String givenId, String url, String contentHash) {
        if (givenId != null && !givenId.isBlank()) {
            return givenId.strip();
        }
        if (url != null) {
            return canonicalUrl(url);
        }
        return "sha256:" + contentHash.substring(0, 32);
    }

    /** The URL without fragment or trailing slash, so trivially different links name one article. */
    static String canonicalUrl(String url) {
        String u = url.strip();
        int hash = u.indexOf('#');
        if (hash >= 0) {
            u = u.substring(0, hash);
        }
        while (u.endsWith("/") && u.indexOf("://") + 3 < u.length() - 1) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void collect(Path path, List<Path> files, IngestReport.Tally tally) {
        if (Files.isRegularFile(path)) {
            files.add(path);
            return;
        }
        if (!Files.isDirectory(path)) {
            count(tally, IngestOutcome.skipped(path.toString(), "no such file or directory"));
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            count(tally, IngestOutcome.skipped(path.toString(), "cannot list directory: " + e.getMessage()));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
