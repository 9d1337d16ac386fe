package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.alerts.SubscriptionService;
import dev.newsbrief.store.Subscription;
import dev.newsbrief.store.SubscriptionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** /subscriptions: the chat's topics, each with a remove button. */
final class SubscriptionsCommand implements Command {
    private final SubscriptionStore store;
    private final Buttons buttons;
    private final Optional<SubscriptionService> alerts;

    SubscriptionsCommand(SubscriptionStore store, Buttons buttons, Optional<SubscriptionService> alerts) {
        this.store = store;
        this.buttons = buttons;
        this.alerts = alerts;
    }

    @Override
    public String name() {
        return "subscriptions";
    }


    @Override
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        List<Subscription> topics = store.forChat(message.chatId());
        if (topics.isEmpty()) {
            return Reply.text(m.get("subscriptions.nothing"));
        }
        StringBuilder list = new StringBuilder();
        for (Subscription s : topics) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            list.append("• ").append(s.display());
        }
        List<List<Button>> rows = topics.stream()
                .map(s -> List.of(buttons.unsubscribe(message.chatId(), s.display(), m)))
                .toList();
        List<String> paragraphs = new ArrayList<>(List.of(list.toString()));
        alerts.ifPresent(a -> paragraphs.add(m.get("subscriptions.alerts",
                m.get(a.list(message.chatId()).mode().description()))));
        Content text = new Content.Text(m.get("subscriptions.title", topics.size()), paragraphs);
        return Reply.of(new OutgoingMessage(text, rows));
    }
}
