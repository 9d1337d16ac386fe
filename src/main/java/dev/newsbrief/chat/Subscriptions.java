package dev.newsbrief.chat;

import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.SubscriptionStore;

/** Adding and removing topics, shared by the commands and the buttons that do the same. */
final class Subscriptions {
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final int maxTopicLength;

    Subscriptions(ChatStore chats, SubscriptionStore subscriptions, int maxTopicLength) {
        this.chats = chats;
        this.subscriptions = subscriptions;
        this.maxTopicLength = maxTopicLength;
    }

    String subscribe(long chatId, ChatKind kind, String typed) {
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
        String display = Topics.display(typed);
        return subscriptions.remove(chatId, Topics.key(display))
                ? "Unsubscribed from ‘" + display + "’."
                : "You don't follow ‘" + display + "’. /subscriptions lists your topics.";
    }
}
