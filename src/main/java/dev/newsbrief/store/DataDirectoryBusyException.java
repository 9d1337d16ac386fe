package dev.newsbrief.store;

import dev.newsbrief.core.NewsbriefException;

/** Another newsbrief process holds the data directory for writing; the message names that process. */
public class DataDirectoryBusyException extends NewsbriefException {
    public DataDirectoryBusyException(String message) {
        super(message);
    }
}
