package dev.newsbrief.chat;

import java.util.Optional;

/**
 * A briefing as the chat layer needs it: already rendered for each front end by the briefing
 * formatters, plus what its buttons need. The briefing service's values are adapted to this.
 */
public interface BriefingView {
    /** The question or topic it answers, as the user typed it. */
    String query();

    /** True when nothing matched (the text then says so and may suggest spellings). */
    boolean isEmpty();

    /** Telegram HTML, valid for parse mode HTML; paragraphs separated by a blank line. */
    String telegramHtml();

    /** Plain text for terminals. */
    String plainText();

    /** The cursor for "More" when further items exist. */
    Optional<String> moreCursor();

    /** The topic the briefing suggests subscribing to, when it has its own idea of one. */
    default Optional<String> subscribeTopic() {
        return Optional.empty();
    }
}
