package dev.newsbrief.sources;

import dev.newsbrief.core.NewsbriefException;

/** A source could not be read or understood; the message names the source or URL and the reason. */
public class SourceException extends NewsbriefException {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
