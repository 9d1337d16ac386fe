package dev.newsbrief.index;

/**
 * Another writer (usually another newsbrief process) holds the index's write lock. Read-only
 * commands never raise it; commands that write must stop and say which directory is busy.
 */
public final class IndexLockedException extends IndexException {
    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
