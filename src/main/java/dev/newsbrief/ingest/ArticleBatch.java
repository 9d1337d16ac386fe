package dev.newsbrief.ingest;

import dev.newsbrief.core.Exhaustion;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreException;
import dev.newsbrief.store.WriteTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores prepared articles in one SQLite transaction, each article (with whatever its
 * {@link NewArticleListener}s write) in its own savepoint: an article that fails rolls back alone
 * and is reported as skipped; the others commit together in {@link #commit()}, so a crash leaves
 * whole articles or none. Near-duplicate candidates include articles stored earlier in the same
 * batch, since the transaction sees its own rows; the detector's changes are undone if the
 * commit fails. Not thread-safe: one thread opens, fills and commits a batch.
 */
final class ArticleBatch implements AutoCloseable {

    /** What storing one article did; {@code article} is what to index (null when nothing changed). */
    record Written(IngestOutcome outcome, Article article, PreparedArticle prepared) {
        boolean changesIndex() {
            return article != null;
        }
    }

    /** An earlier detector state to restore if the batch does not commit. */
    private record DetectorUndo(String id, Long previousHash) {
    }

    private final Database db;
    private final WriteTransaction tx;
    private final ArticleStore.Writer articles;
    private final NearDuplicateDetector nearDuplicates;
    private final List<NewArticleListener> listeners;
    private final List<Written> written = new ArrayList<>();
    private final List<DetectorUndo> undo = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private int stored;
    private boolean finished;

    ArticleBatch(Database db, ArticleStore store, NearDuplicateDetector nearDuplicates,
            List<NewArticleListener> listeners) {
        this.db = db;
        this.nearDuplicates = nearDuplicates;
        this.listeners = listeners;
        this.tx = db.begin();
        try {
            this.articles = store.writer(tx.connection());
        } catch (SQLException e) {
            tx.close();
            throw new StoreException("cannot prepare article statements: " + e.getMessage(), e);
        }
    }

    /** Articles stored so far (skipped ones not counted). */
    int size() {
        return stored;
    }

    long ageNanos() {
        return System.nanoTime() - startedNanos;
    }

    /** Records an outcome that involves no storing (a rejected input), keeping the input order. */
    void pass(IngestOutcome outcome) {
        written.add(new Written(outcome, null, null));
    }

    /** Stores {@code p} in its own savepoint; a failure is recorded as skipped and leaves the batch usable. */
    void add(PreparedArticle p) {
        Written w;
        try {
            w = tx.inSavepoint(c -> store(p));
        } catch (SQLException | RuntimeException e) {
            if (Exhaustion.isExhaustion(e)) {
                // a full disk fails every next article too: stop the run (the writer rolls the batch back)
                throw e instanceof RuntimeException r ? r : StoreException.of(db.file(), "database", e);
            }
            w = new Written(IngestOutcome.skipped(p.origin(), "could not store: " + e.getMessage()), null, p);
        }
        written.add(w);
        if (w.changesIndex()) {
            stored++;
            String id = w.article().id();
            undo.add(new DetectorUndo(id, nearDuplicates.hashOf(id)));
            if (w.article().isDuplicate()) {
                nearDuplicates.remove(id);
            } else {
                nearDuplicates.add(id, w.article().simhash());
            }
        }
    }

    /**
     * Commits the batch and returns what happened to each item, in order. If the commit fails,
     * nothing of the batch is stored and every article comes back as skipped with the reason.
     */
    List<Written> commit() {
        finished = true;
        try {
            articles.close();
            tx.commit();
            return List.copyOf(written);
        } catch (SQLException | RuntimeException e) {
            tx.close();
            undoDetector();
            if (Exhaustion.isExhaustion(e)) {
                throw e instanceof RuntimeException r ? r : StoreException.of(db.file(), "database", e);
            }
            String reason = "could not store (batch rolled back): " + e.getMessage();
            return written.stream()
                    .map(w -> w.prepared() == null || w.outcome().status() == IngestOutcome.Status.SKIPPED ? w
                            : new Written(IngestOutcome.skipped(w.prepared().origin(), reason), null, w.prepared()))
                    .toList();
        }
    }

    /** Rolls back whatever was not committed (safe after {@link #commit()}). */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            articles.close();
        } catch (SQLException ignored) {
            // the rollback below matters; a statement that will not close is freed with the connection
        }
        undoDetector();
        tx.close();
    }

    private void undoDetector() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            DetectorUndo u = undo.get(i);
            if (u.previousHash() == null) {
                nearDuplicates.remove(u.id());
            } else {
                nearDuplicates.add(u.id(), u.previousHash());
            }
        }
        undo.clear();
    }

    private Written store(PreparedArticle p) throws SQLException {
        Article candidate = p.candidate();
        Optional<Article> existing = articles.find(candidate.id());
        if (existing.isPresent() && sameContent(existing.get(), candidate)) {
            return new Written(new IngestOutcome(IngestOutcome.Status.UNCHANGED, candidate.id(), p.origin(),
                    existing.get().isDuplicate() ? "duplicate of " + existing.get().duplicateOf() : null), null, p);
        }
        Article article = existing.isPresent()
                ? new Article(candidate.id(), candidate.url(), candidate.title(), candidate.source(),
                        candidate.publishedAt(), existing.get().ingestedAt(),
                        laterThan(existing.get().updatedAt(), candidate.updatedAt()), candidate.body(),
                        candidate.contentHash(), candidate.simhash(), null, candidate.tags(), candidate.language())
                : candidate;
        String original = originalOf(article, p);
        if (original != null) {
            article = article.asDuplicateOf(original);
        }
        articles.upsert(article);
        String reason = article.isDuplicate() ? "duplicate of " + article.duplicateOf() : null;
        IngestOutcome.Status status;
        if (existing.isPresent()) {
            status = IngestOutcome.Status.UPDATED;
        } else if (article.isDuplicate()) {
            status = IngestOutcome.Status.DUPLICATE;
        } else {
            for (NewArticleListener listener : listeners) {
                listener.onNewArticle(tx.connection(), article);
            }
            status = IngestOutcome.Status.ADDED;
        }
        return new Written(new IngestOutcome(status, article.id(), p.origin(), reason), article, p);
    }

    /** The original this article repeats exactly (same normalised text) or nearly, else null. */
    private String originalOf(Article article, PreparedArticle p) throws SQLException {
        Optional<Article> exact = articles.findOriginalByContentHash(article.contentHash());
        if (exact.isPresent() && !exact.get().id().equals(article.id())) {
            return exact.get().id();
        }
        return nearDuplicates.findOriginal(article.id(), article.simhash(), p.shingles(), p.wordCount(), id -> {
            try {
                return articles.originalBody(id);
            } catch (SQLException e) {
                throw new StoreException("reading candidate original " + id + ": " + e.getMessage(), e);
            }
        }).orElse(null);
    }

    /**
     * The change time of a new version: {@code now}, but always after the previous one, so that
     * content hash and change time name each stored version (what the index records it was built
     * from) even when two versions arrive within a millisecond or the clock steps back.
     */
    private static java.time.Instant laterThan(java.time.Instant previous, java.time.Instant now) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    private static boolean sameContent(Article a, Article b) {
        return a.contentHash().equals(b.contentHash()) && a.body().equals(b.body()) && a.title().equals(b.title())
                && Objects.equals(a.url(), b.url()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.publishedAt(), b.publishedAt()) && a.tags().equals(b.tags())
                && Objects.equals(a.language(), b.language());
    }
}
