package dev.newsbrief.chat;

import dev.newsbrief.lang.Text;
import dev.newsbrief.alerts.SubscriptionService;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.SubscriptionStore;
import java.util.Optional;

/**
 * Adding and removing topics, shared by the commands and the buttons that do the same. With
 * alerts wired, the alerts {@link SubscriptionService} does it (analysed topic keys, the per-chat
 * limit, the preview of recent matches, keeping the topic index in step); without, the plain store.
 */
final class Subscriptions {
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final int maxTopicLength;
    private final Optional<SubscriptionService> alerts;

    Subscriptions(ChatStore chats, SubscriptionStore subscriptions, int maxTopicLength,
            Optional<SubscriptionService> alerts) {
        this.chats = chats;
        this.subscriptions = subscriptions;
        this.maxTopicLength = maxTopicLength;
        this.alerts = alerts;
    }

    Optional<SubscriptionService> alerts() {
        return alerts;
    }

    /** Follows {@code typed}; what to tell the user. */
    Text subscribe(long chatId, ChatKind kind, String typed) {
        if (alerts.isPresent()) {
            if (typed.strip().length() > maxTopicLength) {
                return Text.of("subscribe.too-long", maxTopicLength);
            }
            chats.touch(chatId, kind.storeName(), null);
            return alerts.get().subscribe(chatId, kind.storeName(), typed).text();
        }
        String display = Topics.display(typed);
        if (display.isEmpty()) {
            return Text.of("subscribe.empty");
        }
        if (display.length() > maxTopicLength) {
            return Text.of("subscribe.too-long", maxTopicLength);
        }
        chats.touch(chatId, kind.storeName(), null);
        return subscriptions.add(chatId, Topics.key(display), display)
                ? Text.of("subscribe.done", display)
                : Text.of("subscribe.already", display);
    }

    /** Stops following {@code typed} (a topic as typed, or its key); what to tell the user. */
    Text unsubscribe(long chatId, String typed) {
        if (alerts.isPresent()) {
            return alerts.get().unsubscribe(chatId, typed)
                    .map(display -> Text.of("unsubscribe.done", display))
                    .orElse(Text.of("unsubscribe.not-following", Topics.display(typed)));
        }
        String display = Topics.display(typed);
        return subscriptions.remove(chatId, Topics.key(display))
                ? Text.of("unsubscribe.done", display)
                : Text.of("unsubscribe.not-following", display);
    }
}
