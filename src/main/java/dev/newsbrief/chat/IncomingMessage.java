package dev.newsbrief.chat;

import java.util.Objects;

/**
 * A message addressed to the bot. The adapter has already decided that it is for the bot and
 * stripped {@code @botname} from commands and mentions from the text.
 *
 * @param chatId    the chat to answer in
 * @param chatKind  private, group, ...
 * @param chatTitle a group's title, or null
 * @param userId    the sender
 * @param admin     whether the sender may run admin commands
 * @param text      the text, e.g. {@code "/ask oil prices"} or {@code "oil prices"}
 */
public record IncomingMessage(long chatId, ChatKind chatKind, String chatTitle, long userId, boolean admin,
        String text) {
    public IncomingMessage {
        Objects.requireNonNull(chatKind, "chatKind");
        text = text == null ? "" : text;
    }
}
