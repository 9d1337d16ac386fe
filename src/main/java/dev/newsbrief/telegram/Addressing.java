package dev.newsbrief.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a message is for the bot and cleans it: in private chats everything is; in
 * groups only commands (bare, or {@code /cmd@thisbot}), messages mentioning {@code @thisbot} and
 * replies to the bot are. {@code @thisbot} is stripped from commands and mentions.
 */
final class Addressing {
    private final String username;
    private final Pattern mention;

    Addressing(String botUsername) {
        this.username = botUsername == null ? "" : botUsername;
        this.mention = Pattern.compile("(?i)(?<![\\w@])@" + Pattern.quote(username) + "\\b");
    }

    /**
     * @param text        the message text (or caption)
     * @param group       true in groups and supergroups
     * @param replyToBot  true when the message replies to one of the bot's messages
     * @return the cleaned text when the message is for the bot
     */
    Optional<String> forBot(String text, boolean group, boolean replyToBot) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("/")) {
            int end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            String word = t.substring(0, end);
            int at = word.indexOf('@');
            if (at >= 0) {
                String target = word.substring(at + 1);
                if (!target.equalsIgnoreCase(username)) {
                    return Optional.empty(); // a command for another bot
                }
                return Optional.of(word.substring(0, at) + t.substring(end));
            }
            return Optional.of(t);
        }
        boolean mentioned = !username.isEmpty() && mention.matcher(t).find();
        if (!group) {
            return Optional.of(mentioned ? strip(t) : t);
        }
        if (mentioned) {
            String cleaned = strip(t);
            return cleaned.isEmpty() ? Optional.of("/help") : Optional.of(cleaned);
        }
        return replyToBot ? Optional.of(t) : Optional.empty();
    }

    private String strip(String t) {
        return mention.matcher(t).replaceAll(" ").strip().replaceAll("\\s{2,}", " ");
    }

    String username() {
        return username.toLowerCase(Locale.ROOT);
    }
}
