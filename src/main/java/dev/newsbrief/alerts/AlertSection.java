package dev.newsbrief.alerts;

import java.util.List;

/**
 * The articles of one topic in an alert or digest.
 *
 * @param topicKey normalised topic key (for the unsubscribe button)
 * @param topic    the topic as the user typed it
 * @param items    its articles, newest first
 */
public record AlertSection(String topicKey, String topic, List<AlertItem> items) {
    public AlertSection {
        items = List.copyOf(items);
    }
}
