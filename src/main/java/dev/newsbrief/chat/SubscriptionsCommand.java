package dev.newsbrief.chat;

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
    public String description() {
        return "The topics you follow";
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        List<Subscription> topics = store.forChat(message.chatId());
        if (topics.isEmpty()) {
            return Reply.text("You don't follow any topics yet. Try /subscribe oil prices");
        }
        StringBuilder list = new StringBuilder();
        for (Subscription s : topics) {
            if (!list.isEmpty()) {
                list.append('\n');
            }
            list.append("• ").append(s.display());
        }
        List<List<Button>> rows = topics.stream()
                .map(s -> List.of(buttons.unsubscribe(message.chatId(), s.display())))
                .toList();
        List<String> paragraphs = new ArrayList<>(List.of(list.toString()));
        alerts.ifPresent(a -> paragraphs.add("Alerts: " + a.list(message.chatId()).mode().describe()
                + ". Change with /digest instant, /digest daily HH:MM [Area/City] or /digest off."));
        Content text = new Content.Text("You follow " + topics.size() + (topics.size() == 1 ? " topic" : " topics"),
                paragraphs);
        return Reply.of(new OutgoingMessage(text, rows));
    }
}
