package dev.newsbrief.chat;

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

    String subscribe(long chatId, ChatKind kind, String typed) {
        if (alerts.isPresent()) {
            if (typed.strip().length() > maxTopicLength) {
                return "That topic is too long (at most " + maxTopicLength + " characters).";
            }
            chats.touch(chatId, kind.storeName(), null);
            return alerts.get().subscribe(chatId, kind.storeName(), typed).message();
        }
        String display = Topics.display(typed);
        if (display.isEmpty()) {
            return "Tell me the topic, for example: /subscribe \"North Korea\" Russia";
        }
        if (display.length() > maxTopicLength) {
            return "That topic is too long (at most " + maxTopicLength + " characters).";
        }
        chats.touch(chatId, kind.storeName(), null);
        return subscriptions.add(chatId, Topics.key(display), display)
                ? "Subscribed to ‘" + display + "’. I'll tell you when new articles arrive."
                : "You already follow ‘" + display + "’.";
    }

    String unsubscribe(long chatId, String typed) {
        if (alerts.isPresent()) {
            return alerts.get().unsubscribe(chatId, typed)
                    .map(display -> "Unsubscribed from ‘" + display + "’.")
                    .orElse("You don't follow ‘" + Topics.display(typed) + "’. /subscriptions lists your topics.");
        }
        String display = Topics.display(typed);
        return subscriptions.remove(chatId, Topics.key(display))
                ? "Unsubscribed from ‘" + display + "’."
                : "You don't follow ‘" + display + "’. /subscriptions lists your topics.";
    }
}
