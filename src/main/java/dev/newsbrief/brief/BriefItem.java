package dev.newsbrief.brief;

/**
 * One supporting point of a briefing: 1–2 sentences from one article, with its citation. The
 * text may be empty for the lead's own article when the lead already said everything relevant.
 */
public record BriefItem(Citation citation, MarkedText text) {
}
