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
 * @param language  the sender's language (Telegram's {@code language_code}), or null; once the
 *                  handler has it, the language the chat is answered in
 */
public record IncomingMessage(long chatId, ChatKind chatKind, String chatTitle, long userId, boolean admin,
        String text, String language) {
    public IncomingMessage {
        Objects.requireNonNull(chatKind, "chatKind");
        text = text == null ? "" : text;
    }

    /** A message whose sender's language is not known. */
    public IncomingMessage(long chatId, ChatKind chatKind, String chatTitle, long userId, boolean admin,
            String text) {
        this(chatId, chatKind, chatTitle, userId, admin, text, null);
    }

    /** The same message, to be answered in {@code answerLanguage}. */
    public IncomingMessage answeredIn(String answerLanguage) {
        return new IncomingMessage(chatId, chatKind, chatTitle, userId, admin, text, answerLanguage);
    }
}
