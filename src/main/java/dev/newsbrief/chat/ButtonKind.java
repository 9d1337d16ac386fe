package dev.newsbrief.chat;

import java.util.Locale;
import java.util.Optional;

/** The kinds of inline button; stored by name in {@code callback_state.kind}. */
public enum ButtonKind {
    MORE, SUBSCRIBE, UNSUBSCRIBE, ASK,
    /** "+N more" under an alert digest or bundle: the payload is the alerts package's page argument. */
    ALERT_MORE;

    public String storeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ButtonKind> fromStoreName(String name) {
        for (ButtonKind k : values()) {
            if (k.storeName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
