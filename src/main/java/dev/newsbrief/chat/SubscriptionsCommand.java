package dev.newsbrief.chat;

import dev.newsbrief.store.Subscription;
import dev.newsbrief.store.SubscriptionStore;
import java.util.List;

/** /subscriptions: the chat's topics, each with a remove button. */
final class SubscriptionsCommand implements Command {
    private final SubscriptionStore store;
    private final Buttons buttons;

    SubscriptionsCommand(SubscriptionStore store, Buttons buttons) {
        this.store = store;
        this.buttons = buttons;
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
        Content text = new Content.Text("You follow " + topics.size() + (topics.size() == 1 ? " topic" : " topics"),
                List.of(list.toString()));
        return Reply.of(new OutgoingMessage(text, rows));
    }
}
