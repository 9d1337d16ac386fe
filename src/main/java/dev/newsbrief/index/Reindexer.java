package dev.newsbrief.index;

import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
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
     * Indexes the originals SQLite holds but the index lacks, and commits. SQLite commits a batch
     * before Lucene does, so a process killed in between leaves stored articles that a later
     * ingest sees as unchanged and would never index; every writer runs this on open.
     *
     * @return how many articles were indexed
     */
    public int repairMissing() {
        List<String> missing = index.missing(store.originalIds());
        Map<String, String> detected = new HashMap<>();
        for (String id : missing) {
            store.find(id).ifPresent(a -> index.index(withLanguage(a, detected)));
        }
        store.setLanguages(detected);
        if (!missing.isEmpty()) {
            index.commit();
            log.info("indexed {} stored articles that were missing from the index", missing.size());
        }
        return missing.size();
    }

    public Result rebuild() {
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
        index.commit();
        Result result = new Result(articles.get(), index.passageCount());
        log.info("reindexed {} articles into {} passages", result.articles(), result.passages());
        return result;
    }
}
