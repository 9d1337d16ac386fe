package dev.newsbrief.config;

import dev.newsbrief.core.NewsbriefException;

/** A setting that is unknown, of the wrong type, or unreadable; the message names it and where it came from. */
public class ConfigException extends NewsbriefException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
