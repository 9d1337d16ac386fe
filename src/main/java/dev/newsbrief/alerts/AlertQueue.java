package dev.newsbrief.alerts;

import dev.newsbrief.stories.Membership;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.Article;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Queues alerts for a newly ingested article inside the article's own SQLite transaction (it is
 * the ingester's new-article listener), so an article is never stored without its alerts. Each
 * matched topic is looked up once however many chats follow it; a chat gets at most one row per
 * article (the first of its matching topics), nothing when it has paused alerts, and nothing
 * when it already got another article of the same story (from any outlet, under any topic)
 * unless this one is a substantial update of the story (see {@link dev.newsbrief.stories.StoryOptions}).
 */
public final class AlertQueue {
    private final TopicMatcher matcher;
    private final DeliveryStore deliveries;
    private final StoryStore stories;
    private final AlertsOptions options;
    private final Clock clock;
    private final SubscriptionService subscriptions;

    public AlertQueue(TopicMatcher matcher, DeliveryStore deliveries, StoryStore stories, AlertsOptions options,
            Clock clock) {
        this(matcher, deliveries, stories, options, clock, null);
    }

    /**
     * A queue that, on a store several instances share, first brings the matcher's topics up to
     * the subscriptions version its transaction sees ({@link SubscriptionService#catchUp}).
     */
    public AlertQueue(TopicMatcher matcher, DeliveryStore deliveries, StoryStore stories, AlertsOptions options,
            Clock clock, SubscriptionService subscriptions) {
        this.matcher = matcher;
        this.deliveries = deliveries;
        this.stories = stories;
        this.options = options;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    /**
     * Matches {@code article} and inserts its delivery rows on {@code c}, the caller's transaction.
     * Duplicates ({@code duplicate_of} set) are never alerted: their original was.
     *
     * @return how many delivery rows were inserted
     */
    public int onNewArticle(Connection c, Article article) throws SQLException {
        if (article.isDuplicate()) {
            return 0;
        }
        if (subscriptions != null) {
            subscriptions.catchUp(c);
        }
        List<Topic> matched = matcher.match(article);
        if (matched.isEmpty()) {
            return 0;
        }
        Map<String, Topic> byKey = matched.stream()
                .collect(Collectors.toMap(Topic::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<Long, DeliveryStore.Subscriber> firstPerChat = new LinkedHashMap<>();
        for (DeliveryStore.Subscriber s : deliveries.subscribers(c, byKey.keySet())) {
            firstPerChat.putIfAbsent(s.chatId(), s);
        }
        if (firstPerChat.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Optional<Membership> story = stories.membership(c, article.id()).filter(m -> !m.startedStory() && !m.update());
        PassagePicker.Sentences sentences = matcher.sentences(article);
        int inserted = 0;
        for (DeliveryStore.Subscriber s : firstPerChat.values()) {
            if (story.isPresent() && deliveries.hasStory(c, s.chatId(), story.get().storyId())) {
                continue; // the chat has this story already, and this report adds nothing substantial
            }
            Instant due = dueTime(c, s, now);
            String passage = sentences.bestFor(byKey.get(s.topicKey()));
            if (deliveries.insert(c, s.chatId(), article.id(), s.topicKey(), passage, due, now)) {
                inserted++;
            }
        }
        return inserted;
    }

    private Instant dueTime(Connection c, DeliveryStore.Subscriber s, Instant now) throws SQLException {
        if (s.mode() instanceof DigestMode.Instant) {
            // Join the chat's open bundle so matches within one window go out as one message.
            Instant open = deliveries.openBundle(c, s.chatId()).orElse(null);
            if (open != null) {
                return open.isAfter(now) ? open : now;
            }
        }
        return s.mode().dueAfter(now, options.instantWindow());
    }
}
