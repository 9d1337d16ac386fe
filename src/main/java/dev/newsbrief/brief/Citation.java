package dev.newsbrief.brief;

import java.time.Instant;

/**
 * Where a statement in a briefing comes from.
 *
 * @param number    1-based reference number shown to the reader
 * @param articleId the stored article's id
 * @param title     its headline
 * @param source    outlet or feed name, or null
 * @param published publication time, or null when unknown
 * @param url       link to the original, or null
 */
public record Citation(int number, String articleId, String title, String source, Instant published, String url) {
}
