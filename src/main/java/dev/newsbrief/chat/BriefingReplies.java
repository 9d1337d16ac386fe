package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
        return message(chatId, briefing, subscribeTopic, briefing.language());
    }

    /** Like {@link #message(long, BriefingView, String)} with buttons labelled in {@code language}. */
    public OutgoingMessage message(long chatId, BriefingView briefing, String subscribeTopic, String language) {
        Messages m = Messages.of(language);
        List<Button> row = new ArrayList<>();
        briefing.moreCursor().ifPresent(cursor -> row.add(buttons.more(chatId, cursor, m)));
        if (subscribeTopic != null && !subscribeTopic.isBlank()) {
            row.add(buttons.subscribe(chatId, Topics.display(subscribeTopic), m));
        }
        return new OutgoingMessage(new Content.Brief(briefing), row.isEmpty() ? List.of() : List.of(row));
    }
}
