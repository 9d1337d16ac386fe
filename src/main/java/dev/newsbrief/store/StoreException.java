package dev.newsbrief.store;

import dev.newsbrief.core.NewsbriefException;

/** A failure talking to the SQLite store; the message names the database file and the operation. */
public class StoreException extends NewsbriefException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
