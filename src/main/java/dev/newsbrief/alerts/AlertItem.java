package dev.newsbrief.alerts;

import java.time.Instant;

/**
 * One article in an alert.
 *
 * @param articleId the article
 * @param headline  its title
 * @param brief     the 1–2 sentences that matched
 * @param source    the outlet, or null
 * @param published publication (else ingestion) time
 * @param url       link to the article, or null
 */
public record AlertItem(String articleId, String headline, String brief, String source, Instant published, String url) {}
