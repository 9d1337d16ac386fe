package dev.newsbrief.index;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChangeLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's passage index in step with a PostgreSQL store that several instances
 * write: applies the {@link ChangeLog} from the position recorded in the index's own commit user
 * data ({@value #POSITION_KEY}), re-reading each changed article's current row, and records the
 * new position in the same Lucene commit as the changes, so a crash can only make it apply a
 * change twice, never skip one. An index without a position (new, or built before) is rebuilt
 * once from the store with the position taken before the rebuild began.
 */
public final class IndexFollower implements AutoCloseable {
    /** Commit user data key of the change-log position; other keys (format, repair hashes, vectors) are left alone. */
    public static final String POSITION_KEY = "newsbrief.changelog.position";
    /** Commit user data key of this index's follower id, under which its position is recorded in the store. */
    public static final String FOLLOWER_KEY = "newsbrief.changelog.follower";
    /** How often the position is recorded in the store and the change log pruned. */
    static final Duration RECORD_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

    private final ChangeLog changes;
    private final ArticleStore articles;
    private final PassageIndex index;
    private final Clock clock;
    private ScheduledExecutorService thread;
    /** When the position was last recorded in the store by this process; null before the first time. */
    private Instant recorded;

    public IndexFollower(ChangeLog changes, ArticleStore articles, PassageIndex index) {
        this(changes, articles, index, Clock.systemUTC());
    }

    /** @param clock when the position was last recorded ({@link ChangeLog#RETENTION} counts from it) */
    public IndexFollower(ChangeLog changes, ArticleStore articles, PassageIndex index, Clock clock) {
        this.changes = changes;
        this.articles = articles;
        this.index = index;
        this.clock = clock;
    }

    /** This index's follower id (made once and kept in its commit user data). */
    public synchronized String id() {
        return index.commitData(FOLLOWER_KEY).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            index.putCommitData(FOLLOWER_KEY, id);
            return id;
        });
    }

    /** The position recorded in the index (pending commit included), if any. */
    public OptionalLong position() {
        return index.commitData(POSITION_KEY).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }

    /**
     * Rebuilds the index from the store and records the horizon taken before the rebuild, so
     * that every change committed during it is applied afterwards.
     */
    public Reindexer.Result rebuild() {
        long horizon = changes.horizon();
        // recorded first, so no instance prunes the changes made during the rebuild
        changes.recordPosition(id(), horizon, clock.instant());
        recorded = clock.instant();
        Reindexer.Result result = new Reindexer(articles, index).rebuildThen(() -> index.putCommitData(POSITION_KEY,
                Long.toString(horizon)));
        log.info("index rebuilt from the store at change-log position {}", horizon);
        return result;
    }

    /**
     * Applies every change below the current horizon that the index has not yet applied, and
     * commits it with the new position. An article the index already holds in its current version
     * (this instance ingested and indexed it itself, or an earlier pass applied it) is not indexed
     * again: the provenance stamp (content hash and change time) says it is the same.
     *
     * @return how many articles were indexed again or removed
     */
    public synchronized int applyOnce() {
        OptionalLong at = position();
        if (at.isEmpty()) {
            rebuild();
            return 0;
        }
        long horizon = changes.horizon();
        if (horizon <= at.getAsLong()) {
            recordAndPrune(at.getAsLong());
            return 0;
        }
        List<String> changed = changes.changedBetween(at.getAsLong(), horizon);
        if (changes.prunedBelow() > at.getAsLong()) {
            // read after the changes: a prune that deleted any of them shows here (same transaction)
            log.info("the change log was pruned past this index's position {} (not seen for {}): rebuilding",
                    at.getAsLong(), ChangeLog.RETENTION);
            rebuild();
            return 0;
        }
        if (!changed.isEmpty()) {
            index.refresh(); // see what this instance's own ingest has indexed meanwhile
        }
        int applied = 0;
        for (String id : changed) {
            Optional<Article> current = articles.find(id).filter(a -> !a.isDuplicate());
            if (current.isEmpty()) {
                index.delete(id);
                applied++;
            } else if (!index.holds(current.get())) {
                index.index(current.get());
                applied++;
            }
        }
        index.putCommitData(POSITION_KEY, Long.toString(horizon));
        index.commit();
        recordAndPrune(horizon);
        if (changed.size() > applied) {
            log.debug("change log: {} of {} changed articles were already indexed in their current version",
                    changed.size() - applied, changed.size());
        }
        return applied;
    }

    /**
     * Every {@link #RECORD_EVERY}: records the committed position, so the store knows this index
     * has applied the changes below it, and prunes the changes every follower has applied.
     */
    private void recordAndPrune(long position) {
        Instant now = clock.instant();
        if (recorded != null && Duration.between(recorded, now).compareTo(RECORD_EVERY) < 0) {
            return;
        }
        changes.recordPosition(id(), position, now);
        recorded = now;
        int pruned = changes.prune(now, ChangeLog.RETENTION);
        if (pruned > 0) {
            log.debug("pruned {} change-log rows every index has applied", pruned);
        }
    }

    /** Changes committed in the store that this index has not applied yet. */
    public ChangeLog.Lag lag() {
        OptionalLong at = position();
        return at.isEmpty() ? new ChangeLog.Lag(-1, null) : changes.lagFrom(at.getAsLong());
    }

    /** Applies the change log every {@code interval} on a thread of its own until closed. */
    public synchronized void start(Duration interval) {
        if (thread != null) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("index-follower")
                .daemon().unstarted(r));
        long millis = Math.max(10, interval.toMillis());
        thread.scheduleWithFixedDelay(() -> {
            try {
                applyOnce();
            } catch (RuntimeException e) {
                // the position did not move: the next pass applies the same changes again
                log.warn("applying the change log failed, retrying in {} ms: {}", millis, e.toString());
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.shutdown();
            try {
                t.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
