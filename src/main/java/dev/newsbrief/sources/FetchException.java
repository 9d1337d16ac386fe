package dev.newsbrief.sources;

/**
 * An HTTP fetch failed. The message is short enough for {@code newsbrief sources} and names the URL;
 * {@link #status()} is the HTTP status, or 0 when no response arrived (timeout, refused, too large).
 */
public final class FetchException extends SourceException {
    private final int status;

    public FetchException(String message, int status) {
        super(message);
        this.status = status;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
