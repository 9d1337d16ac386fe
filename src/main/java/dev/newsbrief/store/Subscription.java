package dev.newsbrief.store;

import java.time.Instant;

/**
 * A chat following a topic.
 *
 * @param chatId    the chat
 * @param topic     normalised topic key (two spellings of one topic share it)
 * @param display   the topic as the user typed it
 * @param createdAt when it was added
 */
public record Subscription(long chatId, String topic, String display, Instant createdAt) {}
