package dev.newsbrief.chat;

import java.util.List;

/**
 * One message the bot sends.
 *
 * @param content what it says
 * @param buttons inline buttons, one inner list per row
 */
public record OutgoingMessage(Content content, List<List<Button>> buttons) {
    public OutgoingMessage {
        buttons = buttons.stream().map(List::copyOf).toList();
    }

    public static OutgoingMessage text(String... paragraphs) {
        return new OutgoingMessage(Content.Text.of(paragraphs), List.of());
    }

    public List<Button> allButtons() {
        return buttons.stream().flatMap(List::stream).toList();
    }
}
