package dev.newsbrief.alerts;

import dev.newsbrief.core.NewsbriefException;

/** A failure of the alerts machinery (topic index, delivery store); the message names what failed. */
public class AlertsException extends NewsbriefException {
    public AlertsException(String message, Throwable cause) {
        super(message, cause);
    }
}
