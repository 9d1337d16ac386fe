package dev.newsbrief.alerts;

import java.time.Instant;

/**
 * A pending delivery row joined with what its message needs.
 *
 * @param id           delivery row id
 * @param chatId       the chat
 * @param topicKey     normalised topic
 * @param topicDisplay the topic as the chat typed it, or null when the chat no longer follows it
 * @param attempts     failed sends so far
 * @param item         the article to show
 */
public record DueDelivery(long id, long chatId, String topicKey, String topicDisplay, int attempts, AlertItem item) {
    public Instant published() {
        return item.published();
    }
}
