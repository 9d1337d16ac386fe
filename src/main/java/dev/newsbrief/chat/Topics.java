package dev.newsbrief.chat;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns a topic as typed into its stored key, so {@code Ukraine} and {@code  ukraine } are one
 * topic. Deliberately simple (case, width and spacing); matching semantics live in alerts.
 */
public final class Topics {
    private Topics() {}

    public static String key(String typed) {
        String nfkc = Normalizer.normalize(typed, Normalizer.Form.NFKC);
        return nfkc.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The topic as shown back: control characters removed, spacing collapsed, case kept. */
    public static String display(String typed) {
        return typed.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
    }
}
