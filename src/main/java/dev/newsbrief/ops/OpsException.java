package dev.newsbrief.ops;

import dev.newsbrief.core.NewsbriefException;

/** An operations task (listener, backup, restore, statistics) failed; the message says which and why. */
public class OpsException extends NewsbriefException {
    public OpsException(String message) {
        super(message);
    }

    public OpsException(String message, Throwable cause) {
        super(message, cause);
    }
}
