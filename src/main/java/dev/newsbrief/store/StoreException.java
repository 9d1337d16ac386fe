package dev.newsbrief.store;

import dev.newsbrief.core.Exhaustion;
import dev.newsbrief.core.NewsbriefException;
import java.nio.file.Path;

/** A failure talking to the store; the message names the database (file or server) and the operation. */
public class StoreException extends NewsbriefException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The exception for {@code cause} on the database {@code file}: a full disk (SQLITE_FULL, no space
     * left on device) or exhausted heap is named first ("disk full while writing the database at …"),
     * anything else follows {@code context}.
     */
    public static StoreException of(Path file, String context, Throwable cause) {
        return of(String.valueOf(file), context, cause);
    }

    /** As {@link #of(Path, String, Throwable)}, for a database named by {@code where} (a file or a server). */
    public static StoreException of(String where, String context, Throwable cause) {
        return Exhaustion.of(cause)
                .map(kind -> new StoreException(kind.label() + " while writing the database at " + where + " ("
                        + Exhaustion.detail(cause) + ")", cause))
                .orElseGet(() -> new StoreException(context + ": " + cause.getMessage(), cause));
    }
}
