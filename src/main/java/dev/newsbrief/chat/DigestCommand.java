package dev.newsbrief.chat;

import dev.newsbrief.alerts.DigestMode;
import dev.newsbrief.alerts.InvalidDigestException;
import dev.newsbrief.alerts.SubscriptionService;
import dev.newsbrief.store.ChatStore;
import java.util.Optional;

/** /digest instant | daily HH:MM [Area/City] | off: how this chat receives alerts. */
final class DigestCommand implements Command {
    private final ChatStore chats;
    private final Optional<SubscriptionService> alerts;

    DigestCommand(ChatStore chats, Optional<SubscriptionService> alerts) {
        this.chats = chats;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "digest";
    }

    @Override
    public String description() {
        return "Alerts: instant, daily HH:MM [Area/City], or off";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        if (alerts.isEmpty()) {
            return Reply.text("Alerts are not running here.");
        }
        if (args.isBlank()) {
            DigestMode mode = alerts.get().list(message.chatId()).mode();
            return Reply.text("Alerts: " + mode.describe() + ".",
                    "Use /digest instant, /digest daily 08:00 Europe/Berlin or /digest off.");
        }
        chats.touch(message.chatId(), message.chatKind().storeName(), null);
        try {
            DigestMode mode = alerts.get().setDigest(message.chatId(), message.chatKind().storeName(), args);
            return Reply.text(switch (mode) {
                case DigestMode.Instant i -> "Alerts will come as soon as articles arrive.";
                case DigestMode.Daily d -> "You'll get one digest a day at " + d.time() + " (" + d.zone().getId() + ").";
                case DigestMode.Off o -> "Alerts are paused. /digest instant turns them back on.";
            });
        } catch (InvalidDigestException e) {
            return Reply.text(e.getMessage());
        }
    }
}
