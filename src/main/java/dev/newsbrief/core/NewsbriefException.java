package dev.newsbrief.core;

/**
 * Root of every failure newsbrief raises on purpose. Subclasses carry the context (a file, a
 * setting, a chat) in their message so that the CLI and the bot can show it to a person as one
 * line, without a stack trace.
 */
public class NewsbriefException extends RuntimeException {
    public NewsbriefException(String message) {
        super(message);
    }

    public NewsbriefException(String message, Throwable cause) {
        super(message, cause);
    }
}
