package dev.newsbrief.chat;

import dev.newsbrief.alerts.AlertButton;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.store.CallbackStateStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an alert message into a chat-port message: its content and one button per row, whose
 * meaning ("Unsubscribe from ‘topic’", "+N more") is stored server-side under a short token. Used
 * by the Telegram alert sink and by the "+N more" button, so both render alerts the same way.
 */
public final class AlertReplies {
    private final Buttons buttons;

    public AlertReplies(CallbackStateStore callbacks) {
        this(new Buttons(callbacks));
    }

    AlertReplies(Buttons buttons) {
        this.buttons = buttons;
    }

    public OutgoingMessage message(AlertMessage alert) {
        List<List<Button>> rows = new ArrayList<>();
        for (AlertButton b : alert.buttons()) {
            rows.add(List.of(switch (b.action()) {
                case UNSUBSCRIBE -> buttons.unsubscribeTopic(alert.chatId(), b.argument(), b.label());
                case MORE -> buttons.alertMore(alert.chatId(), b.argument(), b.label());
            }));
        }
        return new OutgoingMessage(new Content.Alert(alert), rows);
    }
}
