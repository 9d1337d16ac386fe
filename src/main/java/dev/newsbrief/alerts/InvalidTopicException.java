package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
import dev.newsbrief.core.NewsbriefException;

/** A topic that cannot be followed; the message is written for the user who typed it. */
public final class InvalidTopicException extends NewsbriefException {
    private final Text text;

    /** The message to show, as a key of the message bundles and its arguments. */
    public InvalidTopicException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** What to tell the user, to be put in their language. */
    public Text text() {
        return text;
    }
}
