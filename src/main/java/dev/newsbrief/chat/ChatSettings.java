package dev.newsbrief.chat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of the conversation (section {@code chat:} and {@code telegram.admins} of the config).
 *
 * @param exampleQuestions the questions offered as buttons by /start (the first three are used)
 * @param buttonTtl        how long an inline button keeps working
 * @param maxTopicLength   longest topic /subscribe accepts, in characters
 * @param inlineResults    how many results an inline query returns (Telegram allows up to 50; we use ≤ 10)
 * @param admins           user ids allowed to run admin commands
 */
public record ChatSettings(List<String> exampleQuestions, Duration buttonTtl, int maxTopicLength,
        int inlineResults, Set<Long> admins) {
    public ChatSettings {
        exampleQuestions = List.copyOf(exampleQuestions);
        admins = Set.copyOf(admins);
        if (inlineResults < 1 || inlineResults > 10) {
            throw new IllegalArgumentException("inlineResults must be 1..10, was " + inlineResults);
        }
    }

    public static ChatSettings defaults() {
        return new ChatSettings(List.of("What did Kim Jong Un tell Shoigu?", "oil output opec",
                "latest on interest rates"), Duration.ofDays(2), 200, 10, Set.of());
    }

    public boolean isAdmin(long userId) {
        return admins.contains(userId);
    }
}
