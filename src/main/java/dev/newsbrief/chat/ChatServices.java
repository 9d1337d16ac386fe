package dev.newsbrief.chat;

import dev.newsbrief.alerts.AlertPages;
import dev.newsbrief.alerts.SubscriptionService;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.CallbackStateStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the handler talks to.
 *
 * @param desk     answers and latest news
 * @param articles article counts for /stats
 * @param chats    chat rows
 * @param subscriptions topics
 * @param callbacks inline-button state
 * @param ingestor  /ingest, when sources are wired
 * @param alerts    topic normalisation, limits, previews and /digest, when alerts are wired
 * @param statsReport the full /stats text (ops' StatsService, wired by the app), else a short built-in count
 * @param alertPages what an alert's "+N more" button shows, when alerts are wired
 */
public record ChatServices(NewsDesk desk, ArticleStore articles, ChatStore chats, SubscriptionStore subscriptions,
        CallbackStateStore callbacks, Optional<UrlIngestor> ingestor, Optional<SubscriptionService> alerts,
        Optional<Supplier<String>> statsReport, Optional<AlertPages> alertPages) {

    /** The stores over one database, with the given desk, no ingestor and no alerts. */
    public static ChatServices over(Database db, NewsDesk desk) {
        return new ChatServices(desk, new ArticleStore(db), new ChatStore(db), new SubscriptionStore(db),
                new CallbackStateStore(db), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public ChatServices withIngestor(UrlIngestor ingestor) {
        return new ChatServices(desk, articles, chats, subscriptions, callbacks, Optional.of(ingestor), alerts,
                statsReport, alertPages);
    }

    /** These services with subscriptions handled by the alerts package (the running bot's setup). */
    public ChatServices withAlerts(SubscriptionService service) {
        return new ChatServices(desk, articles, chats, subscriptions, callbacks, ingestor, Optional.of(service),
                statsReport, alertPages);
    }

    /** These services with the "+N more" button of alert digests answered by {@code pages}. */
    public ChatServices withAlertPages(AlertPages pages) {
        return new ChatServices(desk, articles, chats, subscriptions, callbacks, ingestor, alerts, statsReport,
                Optional.of(pages));
    }

    /** These services with /stats answered by {@code report} (the app wires ops' StatsService). */
    public ChatServices withStatsReport(Supplier<String> report) {
        return new ChatServices(desk, articles, chats, subscriptions, callbacks, ingestor, alerts, Optional.of(report),
                alertPages);
    }
}
