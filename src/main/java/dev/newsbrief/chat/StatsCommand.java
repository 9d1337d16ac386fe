package dev.newsbrief.chat;

import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.SubscriptionStore;

/** /stats (admins): how much the bot holds and serves. */
final class StatsCommand implements Command {
    private final ArticleStore articles;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;

    StatsCommand(ArticleStore articles, ChatStore chats, SubscriptionStore subscriptions) {
        this.articles = articles;
        this.chats = chats;
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String description() {
        return "Counts of articles, chats and subscriptions (admins)";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        return Reply.text("Articles: " + articles.count() + " (duplicates: " + articles.countDuplicates() + ")"
                + "\nActive chats: " + chats.countActive()
                + "\nSubscriptions: " + subscriptions.count());
    }
}
