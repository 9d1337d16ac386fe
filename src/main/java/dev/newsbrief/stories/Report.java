package dev.newsbrief.stories;

import java.time.Instant;

/**
 * One article of a story, as shown in "also reported by".
 *
 * @param articleId the article
 * @param storyId   its story
 * @param title     its headline
 * @param source    outlet or feed name, or null
 * @param url       link, or null
 * @param seenAt    publication time, else ingestion time
 */
public record Report(String articleId, long storyId, String title, String source, String url, Instant seenAt) {
}
