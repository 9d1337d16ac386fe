package dev.newsbrief.index;

/**
 * The index on disk was built with another document layout ({@link PassageIndex#FORMAT}), so its
 * searches would silently find nothing; it must be rebuilt from SQLite first.
 */
public final class IndexOutdatedException extends IndexException {
    public IndexOutdatedException(String index, String found) {
        super("index format is outdated; run `newsbrief reindex` (index " + index + " has format " + found
                + ", this version needs " + PassageIndex.FORMAT + ")", null);
    }
}
