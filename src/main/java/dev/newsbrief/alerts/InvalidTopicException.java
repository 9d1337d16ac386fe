package dev.newsbrief.alerts;

import dev.newsbrief.core.NewsbriefException;

/** A topic that cannot be followed; the message is written for the user who typed it. */
public final class InvalidTopicException extends NewsbriefException {
    public InvalidTopicException(String message) {
        super(message);
    }
}
