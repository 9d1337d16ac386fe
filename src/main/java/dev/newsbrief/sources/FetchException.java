package dev.newsbrief.sources;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP fetch failed. The message is short enough for {@code newsbrief sources} and names the URL;
 * {@link #status()} is the HTTP status, or 0 when no response arrived (timeout, refused, too large).
 */
public final class FetchException extends SourceException {
    private final int status;
    private final Duration retryAfter;

    public FetchException(String message, int status) {
        this(message, status, null);
    }

    /** @param retryAfter how long the server asked us to wait (429/503 Retry-After), or null */
    public FetchException(String message, int status, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.retryAfter = null;
    }

    public int status() {
        return status;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
