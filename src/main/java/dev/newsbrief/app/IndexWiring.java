package dev.newsbrief.app;

import dev.newsbrief.index.IndexOutdatedException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the app's passage index, the one place that deals with an index built by an older
 * version: a writer rebuilds it from SQLite (the store is the source of truth, so nothing is
 * lost), a reader refuses it with a clear message instead of answering every question with nothing.
 */
final class IndexWiring {
    private static final Logger log = LoggerFactory.getLogger(IndexWiring.class);

    private IndexWiring() {
    }

    /**
     * The index opened for writing, closed with {@code app}: rebuilt first when its format is
     * outdated, else completed with any stored article it lacks (after a crash mid-ingest).
     */
    static PassageIndex openForWriting(AppContext app, PassageIndex.Options options) {
        PassageIndex index = app.manage(PassageIndex.openWritable(PassageIndex.onDisk(app.dir().index()), options));
        if (index.isOutdated()) {
            log.info("passage index has format {}, this version needs {}: rebuilding it from SQLite",
                    index.recordedFormat(), PassageIndex.FORMAT);
            new Reindexer(new ArticleStore(app.database()), index).rebuild();
        } else {
            new Reindexer(new ArticleStore(app.database()), index).repairMissing();
        }
        return index;
    }

    /**
     * The index opened read-only; closed with {@code app}.
     *
     * @throws IndexOutdatedException when it was built with another format
     */
    static PassageIndex openForReading(AppContext app) {
        PassageIndex index = app.manage(PassageIndex.openReadOnly(PassageIndex.onDisk(app.dir().index())));
        if (index.isOutdated()) {
            throw new IndexOutdatedException(app.dir().index().toString(), index.recordedFormat());
        }
        return index;
    }
}
