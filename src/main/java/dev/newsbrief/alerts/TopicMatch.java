package dev.newsbrief.alerts;

/**
 * A topic an article matched, with the 1–2 sentences of the article that best show why.
 *
 * @param topic   the topic
 * @param passage the sentences quoted as the alert's brief
 */
public record TopicMatch(Topic topic, String passage) {}
