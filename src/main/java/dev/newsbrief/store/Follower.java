package dev.newsbrief.store;

/**
 * An active chat following a topic, with how it wants its alerts.
 *
 * @param chatId   the chat
 * @param topicKey the followed topic's key
 * @param schedule the chat's delivery mode
 */
public record Follower(long chatId, String topicKey, ChatSchedule schedule) {}
