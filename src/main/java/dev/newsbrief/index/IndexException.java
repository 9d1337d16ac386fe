package dev.newsbrief.index;

import dev.newsbrief.core.NewsbriefException;

/** A failure reading or writing the passage index; the message names the index and the operation. */
public class IndexException extends NewsbriefException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
