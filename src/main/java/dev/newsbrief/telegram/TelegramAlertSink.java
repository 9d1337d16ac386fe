package dev.newsbrief.telegram;

import dev.newsbrief.alerts.AlertMessage;
import dev.newsbrief.alerts.AlertSink;
import dev.newsbrief.chat.AlertReplies;
import dev.newsbrief.store.CallbackStateStore;

/**
 * Sends alert messages through the one rate-limited {@link OutboundSender}: HTML from the alerts
 * renderer (within 4096 characters by construction), an "Unsubscribe from ‘topic’" button per
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

    @Override
    public dev.newsbrief.alerts.SendOutcome send(AlertMessage message) {
        SendOutcome outcome = sender.sendAndWait(message.chatId(), replies.message(message));
        return switch (outcome) {
            case SendOutcome.Accepted a -> new dev.newsbrief.alerts.SendOutcome.Accepted();
            case SendOutcome.Blocked b -> new dev.newsbrief.alerts.SendOutcome.Blocked("blocked or removed (403)");
            case SendOutcome.Failed f when f.permanent() ->
                    new dev.newsbrief.alerts.SendOutcome.Rejected(f.status() + " " + f.description());
            case SendOutcome.Failed f -> new dev.newsbrief.alerts.SendOutcome.Failed(f.status() + " " + f.description());
        };
    }
}
