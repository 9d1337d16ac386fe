package dev.newsbrief.index;

/**
 * The index on disk cannot be read: a file is truncated, missing or fails its checksum. The index
 * is derived from the store, so it is moved aside and rebuilt (at start-up, or by
 * {@code newsbrief reindex}); nothing is lost.
 */
public final class IndexCorruptException extends IndexException {
    private final String reason;

    public IndexCorruptException(String index, String reason, Throwable cause) {
        super("the index at " + index + " is damaged (" + reason + "); run `newsbrief reindex` to rebuild it "
                + "from the store (the bot does so by itself at start-up)", cause);
        this.reason = reason;
    }

    /** What is wrong with it, in a few words (the cause's first line, cut short). */
    public String reason() {
        return reason;
    }
}
