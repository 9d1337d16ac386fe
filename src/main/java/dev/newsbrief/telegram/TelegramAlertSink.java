package dev.newsbrief.telegram;

import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSink;
import dev.newsbrief.alerts.DeliveryOutcome;
import dev.newsbrief.chat.AlertReplies;
import dev.newsbrief.store.CallbackStateStore;

/**
 * Sends alert messages through the one rate-limited {@link OutboundSender}: HTML from
 * {@link AlertHtml} (within 4096 characters, as {@link #fits} told the alerts package), an "Unsubscribe from ‘topic’" button per
 * topic and, under a digest or bundle cut for length, a "+N more" button. The buttons' meaning is
 * stored server-side by chat's {@link AlertReplies}, and the chat handler's actions answer them.
 */
public final class TelegramAlertSink implements AlertSink {
    private final OutboundSender sender;
    private final AlertReplies replies;

    public TelegramAlertSink(OutboundSender sender, CallbackStateStore callbacks) {
        this.sender = sender;
        this.replies = new AlertReplies(callbacks);
    }

    /** An alert fits when its HTML is within Telegram's 4096 characters. */
    @Override
    public boolean fits(AlertMessage message) {
        return AlertHtml.fits(message);
    }

    @Override
    public DeliveryOutcome send(AlertMessage message) {
        SendOutcome outcome = sender.sendAndWait(message.chatId(), replies.message(message));
        return switch (outcome) {
            case SendOutcome.Accepted a -> new DeliveryOutcome.Accepted();
            case SendOutcome.Blocked b -> new DeliveryOutcome.Blocked("blocked or removed (403)");
            case SendOutcome.Failed f when f.permanent() ->
                    new DeliveryOutcome.Rejected(f.status() + " " + f.description());
            case SendOutcome.Failed f -> new DeliveryOutcome.Failed(f.status() + " " + f.description());
        };
    }
}
