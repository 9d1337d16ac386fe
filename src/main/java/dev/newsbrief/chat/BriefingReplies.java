package dev.newsbrief.chat;

import java.util.ArrayList;
import java.util.List;

/** Builds the message for a briefing, with its "More" and "Subscribe to ‘topic’" buttons. */
public final class BriefingReplies {
    private final Buttons buttons;

    public BriefingReplies(Buttons buttons) {
        this.buttons = buttons;
    }

    /**
     * @param subscribeTopic the topic the subscribe button offers, or null for none
     */
    public OutgoingMessage message(long chatId, BriefingView briefing, String subscribeTopic) {
        List<Button> row = new ArrayList<>();
        briefing.moreCursor().ifPresent(cursor -> row.add(buttons.more(chatId, cursor)));
        if (subscribeTopic != null && !subscribeTopic.isBlank()) {
            row.add(buttons.subscribe(chatId, Topics.display(subscribeTopic)));
        }
        return new OutgoingMessage(new Content.Brief(briefing), row.isEmpty() ? List.of() : List.of(row));
    }
}
