package dev.newsbrief.ops;

import dev.newsbrief.alerts.DeliveryStore;
import dev.newsbrief.sources.FeedStateStore;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StorySummary;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The read-only figures statistics, gauges and health checks show, each asked of the class that
 * owns its table (articles, chats, subscriptions, deliveries, feed state, stories); no SQL of its own.
 */
public final class OpsQueries {
    private final Database db;
    private final ArticleStore articles;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final FeedStateStore feeds;
    private final StoryStore stories;

    public OpsQueries(Database db) {
        this.db = db;
        this.articles = new ArticleStore(db);
        this.chats = new ChatStore(db);
        this.subscriptions = new SubscriptionStore(db);
        this.deliveries = new DeliveryStore(db);
        this.feeds = new FeedStateStore(db);
        this.stories = new StoryStore(db);
    }

    /** A feed's state as the poller last recorded it. */
    public record FeedHealth(String source, Long lastSuccessAt, Long lastErrorAt, String lastError,
            int consecutiveFailures, long itemsSeen) {
        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    /** How many stories there are and how many of them more than one article tells. */
    public StoryStore.Counts storyCounts() {
        return stories.counts();
    }

    /** The {@code n} stories with the most articles. */
    public List<StorySummary> largestStories(int n) {
        return stories.largest(n);
    }

    public long articles() {
        return articles.count();
    }

    public long duplicates() {
        return articles.countDuplicates();
    }

    /** Articles per source (null source shown as "unknown"), most first. */
    public Map<String, Long> articlesBySource() {
        return articles.countBySource();
    }

    public long activeChats() {
        return chats.countActive();
    }

    public long inactiveChats() {
        return chats.countInactive();
    }

    public long subscriptions() {
        return subscriptions.count();
    }

    /**
     * Original articles per language (ISO 639-1, {@code und} when undetermined, {@code ?} for
     * articles stored before languages were detected), most first.
     */
    public Map<String, Long> articlesByLanguage() {
        return articles.countByLanguage();
    }

    public List<FeedHealth> feeds() {
        return feeds.all().stream()
                .map(f -> new FeedHealth(f.source(), millis(f.lastSuccessAt()), millis(f.lastErrorAt()), f.lastError(),
                        f.consecutiveFailures(), f.itemsSeen()))
                .toList();
    }

    /** Deliveries per status (pending, sent, failed, dropped). */
    public Map<String, Long> deliveriesByStatus() {
        return deliveries.countByStatus();
    }

    /** When the oldest pending delivery was queued (epoch ms), if any is pending. */
    public OptionalLong oldestPendingDelivery() {
        return deliveries.oldestPendingMillis();
    }

    /** When an alert delivery was queued and when it was sent (epoch ms). */
    public record SentDelivery(long createdAt, long sentAt) {
    }

    /** The latest {@code sent_at} of any delivery, or 0 when none was sent. */
    public long lastSentAt() {
        return deliveries.lastSentAt();
    }

    /** Deliveries sent after {@code sentAfter} (epoch ms), oldest first, at most {@code limit}. */
    public List<SentDelivery> sentAfter(long sentAfter, int limit) {
        return deliveries.sentAfter(sentAfter, limit).stream().map(s -> new SentDelivery(s.createdAt(), s.sentAt()))
                .toList();
    }

    /** Current schema version; a cheap query that proves the store answers. */
    public long schemaVersion() {
        return db.schemaVersion();
    }

    private static Long millis(java.time.Instant t) {
        return t == null ? null : t.toEpochMilli();
    }
}
