package dev.newsbrief.alerts;

import dev.newsbrief.core.NewsbriefException;

/** A {@code /digest} setting that cannot be understood; the message is written for the user. */
public final class InvalidDigestException extends NewsbriefException {
    public InvalidDigestException(String message) {
        super(message);
    }
}
