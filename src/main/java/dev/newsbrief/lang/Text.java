package dev.newsbrief.lang;

import java.util.Arrays;
import java.util.List;

/**
 * Something to tell the user, before it is put in the reader's language: a message key of the
 * bundles ({@code i18n/messages*.properties}) and its arguments. Packages that decide what to say
 * but not to whom (alerts, brief) return these; the front end renders them with {@link Messages}.
 *
 * @param key  the bundle key
 * @param args the arguments of its pattern, in order
 */
public record Text(String key, List<Object> args) {
    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** The text in English, for logs and exception messages. */
    @Override
    public String toString() {
        return Messages.english().get(this);
    }
}
