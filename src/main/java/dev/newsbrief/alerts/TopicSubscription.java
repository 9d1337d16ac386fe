package dev.newsbrief.alerts;

/**
 * One topic a chat follows.
 *
 * @param key     normalised key (what the unsubscribe button carries)
 * @param display the topic as the user typed it
 */
public record TopicSubscription(String key, String display) {}
