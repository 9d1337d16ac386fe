package dev.newsbrief.sources;

import java.time.Instant;

/**
 * The article found in a web page.
 *
 * @param body        plain text, paragraphs separated by blank lines
 * @param publishedAt from the page's metadata, or null
 */
public record ExtractedPage(String title, String body, Instant publishedAt) {}
