package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        if (alerts.isEmpty()) {
            return Reply.text(m.get("digest.not-running"));
        }
        if (args.isBlank()) {
            DigestMode mode = alerts.get().list(message.chatId()).mode();
            return Reply.text(m.get("digest.current", m.get(mode.description())), m.get("digest.usage"));
        }
        chats.touch(message.chatId(), message.chatKind().storeName(), null);
        try {
            DigestMode mode = alerts.get().setDigest(message.chatId(), message.chatKind().storeName(), args);
            return Reply.text(switch (mode) {
                case DigestMode.Instant i -> m.get("digest.set-instant");
                case DigestMode.Daily d -> m.get("digest.set-daily", d.time().toString(), d.zone().getId());
                case DigestMode.Off o -> m.get("digest.set-off");
            });
        } catch (InvalidDigestException e) {
            return Reply.text(m.get(e.text()));
        }
    }
}
