package dev.newsbrief.ingest;

import dev.newsbrief.core.Exhaustion;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreException;
import dev.newsbrief.store.WriteTransaction;
import dev.newsbrief.stories.Membership;
import dev.newsbrief.stories.Placement;
import dev.newsbrief.stories.StoryClusterer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores prepared articles in one SQLite transaction, each article with its story membership and
 * whatever its {@link NewArticleListener}s write in its own savepoint: an article that fails
 * rolls back alone and is reported as skipped; the others commit together in {@link #commit()},
 * so a crash leaves whole articles (with their story and alerts) or none. Story candidates
 * include articles stored earlier in the same batch, since the transaction sees its own rows;
 * the story band index forgets the batch's days if the commit fails. Not thread-safe: one thread
 * opens, fills and commits a batch.
 */
final class ArticleBatch implements AutoCloseable {

    /** What storing one article did; {@code article} is what to index (null when nothing changed). */
    record Written(IngestOutcome outcome, Article article, PreparedArticle prepared) {
        boolean changesIndex() {
            return article != null;
        }
    }

    private final Database db;
    private final WriteTransaction tx;
    private final ArticleStore.Writer articles;
    private final StoryClusterer.Session stories;
    private final List<NewArticleListener> listeners;
    private final Clock clock;
    private final List<Written> written = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private int stored;
    private boolean finished;

    ArticleBatch(Database db, ArticleStore store, StoryClusterer clusterer, List<NewArticleListener> listeners,
            Clock clock) {
        this.db = db;
        this.listeners = listeners;
        this.clock = clock;
        this.tx = db.begin();
        ArticleStore.Writer a = null;
        try {
            a = store.writer(tx.connection());
            this.stories = clusterer.session(tx.connection());
        } catch (SQLException e) {
            closeQuietly(a);
            tx.close();
            throw new StoreException("cannot prepare article statements: " + e.getMessage(), e);
        }
        this.articles = a;
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
            stories.indexed();
        } catch (SQLException | RuntimeException e) {
            stories.discarded();
            if (Exhaustion.isExhaustion(e)) {
                // a full disk fails every next article too: stop the run (the writer rolls the batch back)
                throw e instanceof RuntimeException r ? r : StoreException.of(db.file(), "database", e);
            }
            w = new Written(IngestOutcome.skipped(p.origin(), "could not store: " + e.getMessage()), null, p);
        }
        written.add(w);
        if (w.changesIndex()) {
            stored++;
        }
    }

    /**
     * Commits the batch and returns what happened to each item, in order. If the commit fails,
     * nothing of the batch is stored and every article comes back as skipped with the reason.
     */
    List<Written> commit() {
        finished = true;
        try {
            closeStatements();
            tx.commit();
            return List.copyOf(written);
        } catch (SQLException | RuntimeException e) {
            tx.close();
            stories.rolledBack();
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
            closeStatements();
        } catch (SQLException ignored) {
            // the rollback below matters; a statement that will not close is freed with the connection
        }
        stories.rolledBack();
        tx.close();
    }

    private void closeStatements() throws SQLException {
        stories.close();
        articles.close();
    }

    private Written store(PreparedArticle p) throws SQLException {
        Article candidate = p.candidate();
        Optional<Article> existing = articles.find(candidate.id());
        if (existing.isPresent() && sameContent(existing.get(), candidate)) {
            return new Written(new IngestOutcome(IngestOutcome.Status.UNCHANGED, candidate.id(), p.origin(),
                    existing.get().isDuplicate() ? "duplicate of " + existing.get().duplicateOf() : null), null, p);
        }
        Instant now = clock.instant();
        Instant seenAt = candidate.publishedAt() != null ? candidate.publishedAt() : candidate.ingestedAt();
        Optional<Article> exact = exactCopyOf(candidate, p, seenAt);
        if (existing.isPresent()) {
            // a changed article keeps its story; a copy stays a copy while its text still lies in its original
            String copyOf = existing.get().duplicateOf();
            String duplicateOf = exact.map(Article::id).orElse(copyOf != null && stories.stillCopyOf(copyOf, p.story())
                    ? copyOf : null);
            Article article = new Article(candidate.id(), candidate.url(), candidate.title(), candidate.source(),
                    candidate.publishedAt(), existing.get().ingestedAt(),
                    laterThan(existing.get().updatedAt(), candidate.updatedAt()), candidate.body(),
                    candidate.contentHash(), duplicateOf, candidate.tags(), candidate.language());
            articles.upsert(article);
            stories.refresh(article.id(), article.title(), seenAt, p.story(), !article.isDuplicate(), now);
            return new Written(new IngestOutcome(IngestOutcome.Status.UPDATED, article.id(), p.origin(),
                    article.isDuplicate() ? "duplicate of " + article.duplicateOf() : null), article, p);
        }
        if (exact.isPresent()) {
            Article article = candidate.asDuplicateOf(exact.get().id());
            articles.upsert(article);
            stories.recordDuplicate(article.id(), article.title(), seenAt, exact.get().id(), Membership.How.EXACT, now);
            return new Written(new IngestOutcome(IngestOutcome.Status.DUPLICATE, article.id(), p.origin(),
                    "duplicate of " + exact.get().id()), article, p);
        }
        Placement placement = stories.place(candidate.id(), seenAt, p.story());
        Article article = placement.isCopy() ? candidate.asDuplicateOf(placement.matched()) : candidate;
        articles.upsert(article);
        Membership membership = stories.record(article.id(), article.title(), seenAt, p.story(), placement, now);
        if (article.isDuplicate()) {
            return new Written(new IngestOutcome(IngestOutcome.Status.DUPLICATE, article.id(), p.origin(),
                    "duplicate of " + article.duplicateOf() + ": " + placement.reason()), article, p);
        }
        for (NewArticleListener listener : listeners) {
            listener.onNewArticle(tx.connection(), article);
        }
        return new Written(new IngestOutcome(IngestOutcome.Status.ADDED, article.id(), p.origin(),
                placement.reason() == null ? "story " + membership.storyId() : placement.reason()), article, p);
    }

    /**
     * The stored original this article repeats word for word, if one is of the same story: seen
     * within the story window, and, for texts too short to tell stories apart, under a headline
     * that agrees (one dividend notice reads like the next; only the headline names the company).
     */
    private Optional<Article> exactCopyOf(Article candidate, PreparedArticle p, Instant seenAt) throws SQLException {
        for (Article o : articles.originalsByContentHash(candidate.contentHash())) {
            Instant otherSeen = o.publishedAt() != null ? o.publishedAt() : o.ingestedAt();
            if (!o.id().equals(candidate.id()) && stories.sameStoryWordForWord(seenAt, p.story(), otherSeen, o.title())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * The change time of a new version: {@code now}, but always after the previous one, so that
     * content hash and change time name each stored version (what the index records it was built
     * from) even when two versions arrive within a millisecond or the clock steps back.
     */
    private static Instant laterThan(Instant previous, Instant now) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    private static boolean sameContent(Article a, Article b) {
        return a.contentHash().equals(b.contentHash()) && a.body().equals(b.body()) && a.title().equals(b.title())
                && Objects.equals(a.url(), b.url()) && Objects.equals(a.source(), b.source())
                && Objects.equals(a.publishedAt(), b.publishedAt()) && a.tags().equals(b.tags())
                && Objects.equals(a.language(), b.language());
    }

    private static void closeQuietly(ArticleStore.Writer w) {
        if (w != null) {
            try {
                w.close();
            } catch (SQLException ignored) {
                // failing to prepare is the error worth reporting
            }
        }
    }
}
