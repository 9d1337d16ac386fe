package dev.newsbrief.telegram;

import dev.newsbrief.alerts.AlertButton;
import dev.newsbrief.alerts.AlertHtml;
import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSink;
import dev.newsbrief.chat.ButtonKind;
import dev.newsbrief.store.CallbackStateStore;
import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Sends alert messages through the one rate-limited {@link OutboundSender}: HTML from
 * {@link AlertHtml} (within 4096 characters by construction) and an "Unsubscribe from ‘topic’"
 * button per topic, whose callback state carries the topic key for the chat's unsubscribe action.
 */
public final class TelegramAlertSink implements AlertSink {
    private final OutboundSender sender;
    private final CallbackStateStore callbacks;

    public TelegramAlertSink(OutboundSender sender, CallbackStateStore callbacks) {
        this.sender = sender;
        this.callbacks = callbacks;
    }

    @Override
    public dev.newsbrief.alerts.SendOutcome send(AlertMessage message) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (AlertButton b : message.buttons()) {
            if (b.action() == AlertButton.Action.UNSUBSCRIBE) {
                String token = callbacks.create(message.chatId(), ButtonKind.UNSUBSCRIBE.storeName(), b.argument());
                rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(b.label()).callbackData(token).build()));
            }
        }
        SendOutcome outcome = sender.sendHtmlAndWait(message.chatId(), AlertHtml.render(message),
                rows.isEmpty() ? null : new InlineKeyboardMarkup(rows));
        return switch (outcome) {
            case SendOutcome.Accepted a -> new dev.newsbrief.alerts.SendOutcome.Accepted();
            case SendOutcome.Blocked b -> new dev.newsbrief.alerts.SendOutcome.Blocked("blocked or removed (403)");
            case SendOutcome.Failed f -> new dev.newsbrief.alerts.SendOutcome.Failed(f.status() + " " + f.description());
        };
    }
}
