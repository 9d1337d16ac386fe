package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.Subscription;
import dev.newsbrief.store.SubscriptionStore;
import java.util.List;

/** /unsubscribe [topic]: stop following a topic; without one, offers a button per topic. */
final class UnsubscribeCommand implements Command {
    private final Subscriptions subscriptions;
    private final SubscriptionStore store;
    private final Buttons buttons;

    UnsubscribeCommand(Subscriptions subscriptions, SubscriptionStore store, Buttons buttons) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.buttons = buttons;
    }

    @Override
    public String name() {
        return "unsubscribe";
    }


    @Override
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        if (!args.isBlank()) {
            return Reply.text(m.get(subscriptions.unsubscribe(message.chatId(), args)));
        }
        List<Subscription> topics = store.forChat(message.chatId());
        if (topics.isEmpty()) {
            return Reply.text(m.get("unsubscribe.nothing"));
        }
        List<List<Button>> rows = topics.stream()
                .map(s -> List.of(buttons.unsubscribe(message.chatId(), s.display(), m)))
                .toList();
        return Reply.of(new OutgoingMessage(Content.Text.of(m.get("unsubscribe.which")), rows));
    }
}
