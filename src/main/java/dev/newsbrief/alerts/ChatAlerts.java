package dev.newsbrief.alerts;

import java.util.List;

/**
 * What /subscriptions shows: the chat's delivery mode and its topics, oldest first.
 *
 * @param mode   instant, daily at a time, or off
 * @param topics the followed topics
 */
public record ChatAlerts(DigestMode mode, List<TopicSubscription> topics) {
    public ChatAlerts {
        topics = List.copyOf(topics);
    }
}
