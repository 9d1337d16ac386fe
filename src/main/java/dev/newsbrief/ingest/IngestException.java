package dev.newsbrief.ingest;

import dev.newsbrief.core.NewsbriefException;

/** A failure of the ingestion machinery itself (not of one bad input, which is skipped and reported). */
public class IngestException extends NewsbriefException {
    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
