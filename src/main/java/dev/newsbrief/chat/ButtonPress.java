package dev.newsbrief.chat;

import java.util.Objects;

/**
 * An inline button pressed by a user.
 *
 * @param chatId   the chat the button's message is in
 * @param chatKind private, group, ...
 * @param userId   who pressed it
 * @param admin    whether that user is an admin
 * @param token    the short token from {@code callback_data}
 * @param language the presser's language (Telegram's {@code language_code}), or null; once the
 *                 handler has it, the language the chat is answered in
 */
public record ButtonPress(long chatId, ChatKind chatKind, long userId, boolean admin, String token,
        String language) {
    public ButtonPress {
        Objects.requireNonNull(chatKind, "chatKind");
        token = token == null ? "" : token;
    }

    /** A press whose presser's language is not known. */
    public ButtonPress(long chatId, ChatKind chatKind, long userId, boolean admin, String token) {
        this(chatId, chatKind, userId, admin, token, null);
    }

    /** The same press, to be answered in {@code answerLanguage}. */
    public ButtonPress answeredIn(String answerLanguage) {
        return new ButtonPress(chatId, chatKind, userId, admin, token, answerLanguage);
    }
}
