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
 */
public record ButtonPress(long chatId, ChatKind chatKind, long userId, boolean admin, String token) {
    public ButtonPress {
        Objects.requireNonNull(chatKind, "chatKind");
        token = token == null ? "" : token;
    }
}
