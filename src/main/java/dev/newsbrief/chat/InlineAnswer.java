package dev.newsbrief.chat;

/**
 * One result for an inline query ({@code @bot words} typed in any chat).
 *
 * @param id          unique within one answer, at most 64 bytes
 * @param title       the article headline
 * @param description a one-line teaser shown in the result list
 * @param briefing    the message sent when the result is picked
 */
public record InlineAnswer(String id, String title, String description, BriefingView briefing) {}
