package dev.newsbrief.index;

import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the passage index in line with SQLite, the source of truth: {@link #rebuild()} clears it
 * and indexes every original; {@link #repair()} compares what the index was built from
 * ({@link IndexProvenance}) with the store and re-indexes only the articles it lacks or holds in an
 * older version, and removes those the store no longer has as originals. Searchers keep seeing the
 * old state until the commit.
 */
public final class Reindexer {
    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    /** Articles read from the store and indexed together while repairing. */
    private static final int REPAIR_CHUNK = 500;

    /** What a rebuild did. */
    public record Result(long articles, int passages) {
    }

    /**
     * What a repair did: stored originals that were missing from the index, indexed from an older
     * version of the article, or in the index though the store has them no more (or as duplicates).
     */
    public record Repair(int missing, int changed, int removed) {
        public int total() {
            return missing + changed + removed;
        }
    }

    private final ArticleStore store;
    private final PassageIndex index;
    private final Supplier<LanguageDetector> languages;

    public Reindexer(ArticleStore store, PassageIndex index) {
        this(store, index, LanguageDetector::shared);
    }

    /** @param languages detects the language of articles stored before languages were detected */
    public Reindexer(ArticleStore store, PassageIndex index, Supplier<LanguageDetector> languages) {
        this.store = store;
        this.index = index;
        this.languages = languages;
    }

    /**
     * The article with its language: as stored, or detected now (and noted in {@code detected}, to
     * be stored) when it was stored before languages were detected.
     */
    private Article withLanguage(Article a, Map<String, String> detected) {
        if (a.language() != null) {
            return a;
        }
        String language = languages.get().ofArticle(a.title(), a.body(), a.tags().get(Article.DECLARED_LANGUAGE_TAG));
        detected.put(a.id(), language);
        return a.withLanguage(language);
    }

    /**
     * Makes the index hold exactly the store's originals, each built from its current version, and
     * commits. SQLite commits a batch before Lucene does, so a process killed in between leaves
     * stored articles (new ones, or new versions of old ones) that a later ingest sees as unchanged
     * and would never index; every writer runs this on open. Reads ids and versions only, in one
     * merge pass over both sorted sides; bodies are read for the articles it re-indexes.
     */
    public Repair repair() {
        if (index.articleCount() == 0 && store.countOriginals() > 0) {
            Result rebuilt = rebuild();
            return new Repair((int) rebuilt.articles(), 0, 0);
        }
        Repair repair = reconcile(true);
        if (repair.total() > 0) {
            index.commit();
            log.info("repaired the index from the store: {} articles were missing, {} had changed, {} removed",
                    repair.missing(), repair.changed(), repair.removed());
        }
        return repair;
    }

    /**
     * What {@link #repair()} would do, changing nothing: zero when the index holds exactly the
     * store's originals (ids), each built from its current version (content hash and change time).
     * Works on a read-only index, beside a running writer (as of the index's last commit).
     */
    public Repair compare() {
        return reconcile(false);
    }

    private Repair reconcile(boolean apply) {
        int[] counts = new int[3];
        List<String> toIndex = new ArrayList<>();
        index.withSearcher(searcher -> {
            IndexProvenance.Cursor indexed = new IndexProvenance.Cursor(searcher.getIndexReader());
            boolean[] more = {indexed.next()};
            store.forEachOriginalVersion(v -> {
                try {
                    // index entries before this id are not stored originals (any more)
                    while (more[0] && IndexProvenance.compareIds(indexed.id(), v.id()) < 0) {
                        if (apply) {
                            index.delete(indexed.id());
                        }
                        counts[2]++;
                        more[0] = indexed.next();
                    }
                    if (more[0] && indexed.id().equals(v.id())) {
                        boolean current = indexed.stamp().equals(
                                IndexProvenance.stampOf(v.contentHash(), v.updatedAtMillis()));
                        more[0] = indexed.next();
                        while (more[0] && indexed.id().equals(v.id())) {
                            current = false; // two first passages: re-index it whole
                            more[0] = indexed.next();
                        }
                        if (!current) {
                            counts[1]++;
                            toIndex.add(v.id());
                        }
                    } else {
                        counts[0]++;
                        toIndex.add(v.id());
                    }
                    if (toIndex.size() >= REPAIR_CHUNK) {
                        indexFromStore(toIndex, apply);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            while (more[0]) {
                if (apply) {
                    index.delete(indexed.id());
                }
                counts[2]++;
                more[0] = indexed.next();
            }
            return null;
        });
        indexFromStore(toIndex, apply);
        return new Repair(counts[0], counts[1], counts[2]);
    }

    private void indexFromStore(List<String> ids, boolean apply) {
        if (apply) {
            Map<String, String> detected = new HashMap<>();
            for (String id : ids) {
                store.find(id).filter(a -> !a.isDuplicate()).ifPresent(a -> index.index(withLanguage(a, detected)));
            }
            store.setLanguages(detected);
        }
        ids.clear();
    }

    /** Clears the index, indexes every original and commits once. */
    public Result rebuild() {
        return rebuildThen(() -> {});
    }

    /** Rebuilds, running {@code beforeCommit} (to record commit data) just before the one commit. */
    public Result rebuildThen(Runnable beforeCommit) {
        AtomicLong articles = new AtomicLong();
        index.deleteAll();
        Map<String, String> detected = new HashMap<>();
        store.forEachOriginal(a -> {
            index.index(withLanguage(a, detected));
            articles.incrementAndGet();
        });
        store.setLanguages(detected);
        if (!detected.isEmpty()) {
            log.info("detected the language of {} articles stored before languages were detected", detected.size());
        }
        beforeCommit.run();
        index.commit();
        Result result = new Result(articles.get(), index.passageCount());
        log.info("reindexed {} articles into {} passages", result.articles(), result.passages());
        return result;
    }
}
