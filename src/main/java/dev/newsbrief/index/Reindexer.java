package dev.newsbrief.index;

import dev.newsbrief.store.ArticleStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the passage index from SQLite alone: clears it, indexes every original article and
 * commits once. Searchers keep seeing the old index until that commit.
 */
public final class Reindexer {
    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);

    /** What a rebuild did. */
    public record Result(long articles, int passages) {
    }

    private final ArticleStore store;
    private final PassageIndex index;

    public Reindexer(ArticleStore store, PassageIndex index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Indexes the originals SQLite holds but the index lacks, and commits. SQLite commits a batch
     * before Lucene does, so a process killed in between leaves stored articles that a later
     * ingest sees as unchanged and would never index; every writer runs this on open.
     *
     * @return how many articles were indexed
     */
    public int repairMissing() {
        List<String> missing = index.missing(store.originalIds());
        for (String id : missing) {
            store.find(id).ifPresent(index::index);
        }
        if (!missing.isEmpty()) {
            index.commit();
            log.info("indexed {} stored articles that were missing from the index", missing.size());
        }
        return missing.size();
    }

    public Result rebuild() {
        return rebuildThen(() -> {});
    }

    /** Rebuilds, running {@code beforeCommit} (to record commit data) just before the one commit. */
    public Result rebuildThen(Runnable beforeCommit) {
        AtomicLong articles = new AtomicLong();
        index.deleteAll();
        store.forEachOriginal(a -> {
            index.index(a);
            articles.incrementAndGet();
        });
        beforeCommit.run();
        index.commit();
        Result result = new Result(articles.get(), index.passageCount());
        log.info("reindexed {} articles into {} passages", result.articles(), result.passages());
        return result;
    }
}
