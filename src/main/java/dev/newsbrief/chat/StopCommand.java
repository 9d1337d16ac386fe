package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.alerts.SubscriptionService;
import dev.newsbrief.alerts.TopicSubscription;
import dev.newsbrief.store.ChatStore;
import java.util.Optional;

/** /stop: forget this chat — its subscriptions, pending alerts and buttons. */
final class StopCommand implements Command {
    private final ChatStore chats;
    private final Optional<SubscriptionService> alerts;

    StopCommand(ChatStore chats, Optional<SubscriptionService> alerts) {
        this.chats = chats;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "stop";
    }


    @Override
    public Reply handle(IncomingMessage message, String args) {
        // unsubscribing through alerts first lets it drop topics nobody follows from its matcher
        alerts.ifPresent(a -> {
            for (TopicSubscription t : a.list(message.chatId()).topics()) {
                a.unsubscribe(message.chatId(), t.key());
            }
        });
        chats.delete(message.chatId());
        return Reply.text(Messages.of(message.language()).get("stop.done"));
    }
}
