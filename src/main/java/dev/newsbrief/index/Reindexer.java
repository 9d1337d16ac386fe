package dev.newsbrief.index;

import dev.newsbrief.store.ArticleStore;
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

    public Result rebuild() {
        AtomicLong articles = new AtomicLong();
        index.deleteAll();
        store.forEachOriginal(a -> {
            index.index(a);
            articles.incrementAndGet();
        });
        index.commit();
        Result result = new Result(articles.get(), index.passageCount());
        log.info("reindexed {} articles into {} passages", result.articles(), result.passages());
        return result;
    }
}
