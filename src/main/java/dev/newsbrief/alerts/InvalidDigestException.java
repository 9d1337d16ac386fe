package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
import dev.newsbrief.core.NewsbriefException;

/** A {@code /digest} setting that cannot be understood; the message is written for the user. */
public final class InvalidDigestException extends NewsbriefException {
    private final Text text;

    /** The message to show, as a key of the message bundles and its arguments. */
    public InvalidDigestException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** What to tell the user, to be put in their language. */
    public Text text() {
        return text;
    }
}
