package dev.newsbrief.store;

import java.time.Instant;

/**
 * What an inline button means, kept server-side so that {@code callback_data} only carries a short token.
 *
 * @param token     the id carried in the button
 * @param chatId    the chat the button was sent to
 * @param kind      what pressing it does (more, subscribe, unsubscribe, ask, ...)
 * @param payload   the argument (a cursor, a topic, a question)
 * @param createdAt when the button was made; old ones expire
 */
public record CallbackState(String token, long chatId, String kind, String payload, Instant createdAt) {}
