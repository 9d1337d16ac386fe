package dev.newsbrief.telegram;

import dev.newsbrief.core.NewsbriefException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The bot token. It comes from {@code TELEGRAM_BOT_TOKEN} or the token file, and it is never
 * printed: {@link #toString()} hides it and {@link #redact} removes it from any text (the Bot
 * API URL contains it, so exception messages may too).
 */
public final class BotToken {
    public static final String ENV = "TELEGRAM_BOT_TOKEN";
    private static final String MASK = "<redacted-token>";

    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    public static BotToken of(String value) {
        if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new NewsbriefException("the Telegram bot token is empty or contains spaces");
        }
        return new BotToken(value);
    }

    /** The token from the environment, else from {@code tokenFile}; empty when neither gives one. */
    public static Optional<BotToken> resolve(Map<String, String> env, Path tokenFile) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(of(fromEnv.strip()));
        }
        if (tokenFile == null) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(tokenFile).strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(of(text));
        } catch (IOException e) {
            throw new NewsbriefException("cannot read the token file " + tokenFile + " (telegram.token-file): "
                    + e.getClass().getSimpleName());
        }
    }

    /** The secret itself, for the Telegram client only. */
    String value() {
        return value;
    }

    /** {@code text} with every occurrence of the token masked; null stays null. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    @Override
    public String toString() {
        return "BotToken[" + MASK + "]";
    }
}
