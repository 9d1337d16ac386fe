package dev.newsbrief.app;

import dev.newsbrief.index.IndexCorruptException;
import dev.newsbrief.index.IndexLocation;
import dev.newsbrief.index.IndexOutdatedException;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.ArticleStore;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the app's passage index, the one place that deals with an index that is not what the
 * store says it should be. A writer checks the index's checksums; a damaged index is moved aside
 * and rebuilt from SQLite (the store is the source of truth, so nothing is lost), one built by an
 * older version is rebuilt, and any other is repaired article by article from what it records it
 * was built from. A reader refuses an outdated or damaged index with a clear message instead of
 * answering every question with nothing.
 */
final class IndexWiring {
    private static final Logger log = LoggerFactory.getLogger(IndexWiring.class);

    private IndexWiring() {
    }

    /**
     * The index opened for writing, closed with {@code app}: moved aside and rebuilt when damaged,
     * rebuilt when its format is outdated, else repaired (stored articles it lacks or holds in an
     * older version, after a crash mid-ingest).
     */
    static PassageIndex openForWriting(AppContext app, PassageIndex.Options options) {
        IndexLocation location = new IndexLocation(app.dir().index(), Clock.systemUTC());
        location.finishInterruptedSwap();
        ArticleStore store = new ArticleStore(app.database());
        PassageIndex index;
        try {
            index = openVerified(location.live(), options);
        } catch (IndexCorruptException e) {
            Path aside = location.moveAside();
            log.warn("the index at {} is damaged ({}); moved it to {} and rebuilding it from the store ({} articles)",
                    location.live(), e.reason(), aside, store.countOriginals());
            index = PassageIndex.openWritable(PassageIndex.onDisk(location.live()), options);
        }
        app.manage(index);
        if (index.isOutdated()) {
            log.info("passage index has format {}, this version needs {}: rebuilding it from SQLite",
                    index.recordedFormat(), PassageIndex.FORMAT);
            new Reindexer(store, index).rebuild();
        } else {
            // a new (or just replaced) index is rebuilt whole, any other repaired article by article
            new Reindexer(store, index).repair();
        }
        return index;
    }

    /**
     * The index at {@code dir} opened for writing, once its files' checksums verify.
     *
     * @throws IndexCorruptException when it cannot be opened or a checksum fails
     */
    private static PassageIndex openVerified(Path dir, PassageIndex.Options options) {
        PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir), options);
        try {
            index.verifyChecksums();
            return index;
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * Rebuilds the index from the store into a fresh directory, whatever state the live one is in
     * (it is never opened), then swaps it in; the command {@code newsbrief reindex}.
     */
    static Reindexer.Result rebuildFresh(AppContext app, PassageIndex.Options options) {
        IndexLocation location = new IndexLocation(app.dir().index(), Clock.systemUTC());
        Path building = location.freshBuilding();
        Reindexer.Result result;
        try (PassageIndex fresh = PassageIndex.openWritable(PassageIndex.onDisk(building), options)) {
            result = new Reindexer(new ArticleStore(app.database()), fresh).rebuild();
        }
        location.swapIn();
        return result;
    }

    /**
     * The index opened read-only; closed with {@code app}.
     *
     * @throws IndexOutdatedException when it was built with another format
     * @throws IndexCorruptException when it cannot be read
     */
    static PassageIndex openForReading(AppContext app) {
        PassageIndex index = app.manage(PassageIndex.openReadOnly(PassageIndex.onDisk(app.dir().index())));
        if (index.isOutdated()) {
            throw new IndexOutdatedException(app.dir().index().toString(), index.recordedFormat());
        }
        return index;
    }
}
