package dev.newsbrief.chat;

import dev.newsbrief.core.OptionException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the conversation (section {@code chat:} of the config; the admins are configured
 * once, with the Telegram settings, and added by the wiring).
 *
 * @param exampleQuestions the questions offered as buttons by /start (the first three are used)
 * @param buttonTtl        how long an inline button keeps working
 * @param maxTopicLength   longest topic /subscribe accepts, in characters
 * @param inlineResults    how many results an inline query returns (Telegram allows up to 50; we use ≤ 10)
 * @param admins           user ids allowed to run admin commands (none when null)
 */
public record ChatSettings(List<String> exampleQuestions, Duration buttonTtl, int maxTopicLength,
        int inlineResults, Set<Long> admins) {
    public ChatSettings {
        exampleQuestions = List.copyOf(exampleQuestions);
        admins = admins == null ? Set.of() : Set.copyOf(admins);
        Objects.requireNonNull(buttonTtl, "buttonTtl");
        if (inlineResults < 1 || inlineResults > 10) {
            throw new OptionException("inlineResults", "must be 1..10, was " + inlineResults);
        }
    }

    public static ChatSettings defaults() {
        return new ChatSettings(List.of("What did Kim Jong Un tell Shoigu?", "oil output opec",
                "latest on interest rates"), Duration.ofDays(2), 200, 10, Set.of());
    }

    /** These settings with {@code userIds} as the admins. */
    public ChatSettings withAdmins(Set<Long> userIds) {
        return new ChatSettings(exampleQuestions, buttonTtl, maxTopicLength, inlineResults, userIds);
    }

    public boolean isAdmin(long userId) {
        return admins.contains(userId);
    }
}
