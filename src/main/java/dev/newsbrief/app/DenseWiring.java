package dev.newsbrief.app;

import dev.newsbrief.index.DenseRetrieval;
import dev.newsbrief.index.PassageIndex;

/** Opens dense retrieval ({@link DenseRetrieval}) over an app's data directory: vectors in {@code data/vectors}. */
final class DenseWiring {
    private DenseWiring() {
    }

    /** For a process holding the data directory: writable vectors kept in step with {@code index}, closed with {@code app}. */
    static DenseRetrieval forWriting(AppContext app, PassageIndex index) {
        return app.manage(DenseRetrieval.open(PassageIndex.onDisk(app.dir().vectors()), index,
                app.settings().retrieval()));
    }

    /** For a read-only command: the last committed vectors, closed with {@code app}. */
    static DenseRetrieval forReading(AppContext app) {
        return app.manage(DenseRetrieval.openReadOnly(PassageIndex.onDisk(app.dir().vectors()),
                app.settings().retrieval()));
    }
}
