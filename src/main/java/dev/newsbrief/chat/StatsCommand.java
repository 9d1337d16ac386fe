package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.SubscriptionStore;
import java.util.Optional;
import java.util.function.Supplier;

/** /stats (admins): how much the bot holds and serves. */
final class StatsCommand implements Command {
    private final ArticleStore articles;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final Optional<Supplier<String>> report;

    StatsCommand(ArticleStore articles, ChatStore chats, SubscriptionStore subscriptions,
            Optional<Supplier<String>> report) {
        this.report = report;
        this.articles = articles;
        this.chats = chats;
        this.subscriptions = subscriptions;
    }

    @Override
    public String name() {
        return "stats";
    }


    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        if (report.isPresent()) {
            return Reply.text(report.get().get());
        }
        return Reply.text(Messages.of(message.language()).get("stats.counts", String.valueOf(articles.count()),
                String.valueOf(articles.countDuplicates()), String.valueOf(chats.countActive()),
                String.valueOf(subscriptions.count())));
    }
}
