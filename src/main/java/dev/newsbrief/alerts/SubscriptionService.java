package dev.newsbrief.alerts;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChatSchedule;
import dev.newsbrief.store.ChatStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.SubscriptionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The logic behind /subscribe, /unsubscribe, /subscriptions and /digest, which the chat commands
 * call: topic normalisation, duplicate refusal, the per-chat limit, the preview over recent
 * articles, and keeping the {@link TopicIndex} in step with the subscriptions table (a topic is
 * indexed while at least one chat follows it).
 */
public final class SubscriptionService {
    private final Database db;
    private final ArticleStore articles;
    private final ChatStore chats;
    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final TopicParser parser;
    private final TopicMatcher matcher;
    private final AlertsOptions options;
    private final Clock clock;
    /**
     * Held around every change of a topic's followers together with the matching index add or
     * remove. Chats are handled concurrently: without it, an unsubscribe could commit, see no
     * follower left and unindex the topic while another chat's subscribe to it was committing,
     * leaving that chat subscribed to a topic no article is matched against until a restart.
     */
    private final ReentrantLock followerChanges = new ReentrantLock();
    /** The subscriptions version the matcher's topics reflect (a shared store only). */
    private volatile long loadedVersion = -1;

    public SubscriptionService(Database db, TopicParser parser, TopicMatcher matcher, AlertsOptions options, Clock clock) {
        this.db = db;
        this.articles = new ArticleStore(db);
        this.chats = new ChatStore(db);
        this.subscriptions = new SubscriptionStore(db);
        this.deliveries = new DeliveryStore(db);
        this.parser = parser;
        this.matcher = matcher;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Indexes every subscribed topic; called once at start. Keys written by an older analysis are
     * rewritten to the current one, so matching and lookups agree.
     *
     * @return the number of distinct topics indexed
     */
    public int loadTopics() {
        long version = subscriptions.shared() ? subscriptions.version() : -1;
        Map<String, String> displayByKey = subscriptions.displayByTopic();
        List<Topic> topics = new ArrayList<>();
        Map<String, String> rekey = new LinkedHashMap<>();
        displayByKey.forEach((key, display) -> {
            try {
                Topic t = parser.parse(display);
                topics.add(t);
                if (!t.key().equals(key)) {
                    rekey.put(key, t.key());
                }
            } catch (InvalidTopicException e) {
                rekey.put(key, null); // no longer a topic under current analysis; keep the row, never matched
            }
        });
        return withFollowersLocked(() -> {
            if (rekey.values().stream().anyMatch(v -> v != null)) {
                db.inTransaction(c -> {
                    for (Map.Entry<String, String> e : rekey.entrySet()) {
                        if (e.getValue() != null) {
                            subscriptions.rekey(c, e.getKey(), e.getValue());
                        }
                    }
                    return null;
                });
            }
            matcher.addAll(topics);
            loadedVersion = version;
            return matcher.size();
        });
    }

    /**
     * On a store several instances share: brings the matcher up to date before an article is
     * matched in the transaction {@code c}, if that transaction sees a newer subscriptions version
     * than the matcher reflects (another instance subscribed or unsubscribed someone).
     */
    public void catchUp(java.sql.Connection c) throws java.sql.SQLException {
        if (subscriptions.shared() && subscriptions.version(c) > loadedVersion) {
            reloadTopics();
        }
    }

    /**
     * Makes the matcher's topics exactly the followed ones: indexes topics followed elsewhere,
     * unindexes topics nobody follows any more. Called on a version change and on a wake-up.
     *
     * @return topics added plus topics removed
     */
    public int reloadTopics() {
        return withFollowersLocked(() -> {
            long version = subscriptions.version(); // read first: the topics read next are at least this new
            Map<String, String> followed = subscriptions.displayByTopic();
            List<Topic> added = new ArrayList<>();
            for (Map.Entry<String, String> e : followed.entrySet()) {
                if (!matcher.topics().contains(e.getKey())) {
                    try {
                        Topic t = parser.parse(e.getValue());
                        if (t.key().equals(e.getKey())) {
                            added.add(t);
                        }
                    } catch (InvalidTopicException ignored) {
                        // stored under an older analysis; loadTopics rekeys such rows at start
                    }
                }
            }
            matcher.addAll(added);
            List<String> gone = matcher.topics().topics().stream().map(Topic::key)
                    .filter(k -> !followed.containsKey(k)).toList();
            gone.forEach(matcher::remove);
            loadedVersion = Math.max(loadedVersion, version);
            return added.size() + gone.size();
        });
    }

    /** How many of the newest articles {@code topic} would have matched. */
    public Preview preview(Topic topic) {
        List<Article> recent = options.previewArticles() == 0 ? List.of() : articles.latest(options.previewArticles());
        int matched = 0;
        for (Article a : recent) {
            if (matcher.matches(a, topic)) {
                matched++;
            }
        }
        return new Preview(matched, recent.size());
    }

    /** A preview's count: {@code matched} of the {@code scanned} newest articles. */
    public record Preview(int matched, int scanned) {}

    /**
     * Follows a topic: refuses invalid topics, duplicates (by normalised key) and more than the
     * per-chat limit, and reports how many recent articles it would have matched.
     *
     * @param chatType the chat's type (private, group, supergroup, terminal) for a chat seen first here
     */
    public SubscribeResult subscribe(long chatId, String chatType, String typed) {
        Topic topic;
        try {
            topic = parser.parse(typed);
        } catch (InvalidTopicException e) {
            return new SubscribeResult.Invalid(e.text());
        }
        Optional<String> existing = followed(chatId, topic.key());
        if (existing.isPresent()) {
            return new SubscribeResult.AlreadyFollowing(existing.get());
        }
        Preview preview = preview(topic);
        return withFollowersLocked(() -> {
            // Index first: a topic indexed a moment before its row exists only costs a lookup that
            // finds no subscriber, whereas the other order could miss an article ingested in between.
            matcher.add(topic);
            SubscribeResult result = insert(chatId, chatType, typed, topic, preview);
            if (!(result instanceof SubscribeResult.Subscribed)) {
                unindexIfUnfollowed(topic.key());
            }
            return result;
        });
    }

    private SubscribeResult insert(long chatId, String chatType, String typed, Topic topic, Preview preview) {
        return db.inTransaction(c -> {
            chats.ensure(c, chatId, chatType, clock.instant());
            if (subscriptions.countFor(c, chatId) >= options.maxSubscriptions()) {
                return new SubscribeResult.LimitReached(options.maxSubscriptions());
            }
            if (!subscriptions.add(c, chatId, topic.key(), topic.display(), clock.instant())) {
                return new SubscribeResult.AlreadyFollowing(topic.display());
            }
            return new SubscribeResult.Subscribed(topic, parser.wording(typed), preview.matched(), preview.scanned());
        });
    }

    /**
     * Stops following a topic, given as typed or as its key (from a button); pending alerts for it
     * are dropped.
     *
     * @return the display of the removed topic, or empty when the chat did not follow it
     */
    public Optional<String> unsubscribe(long chatId, String typedOrKey) {
        String key = followed(chatId, typedOrKey).isPresent() ? typedOrKey : parser.keyOrText(typedOrKey);
        return withFollowersLocked(() -> {
            Optional<String> removed = delete(chatId, key);
            removed.ifPresent(d -> unindexIfUnfollowed(key));
            return removed;
        });
    }

    private Optional<String> delete(long chatId, String key) {
        return db.inTransaction(c -> {
            Optional<String> display = subscriptions.display(c, chatId, key);
            if (display.isEmpty()) {
                return Optional.<String>empty();
            }
            subscriptions.remove(c, chatId, key);
            deliveries.dropPending(c, chatId, key, "unsubscribed");
            return display;
        });
    }

    private <T> T withFollowersLocked(Supplier<T> change) {
        followerChanges.lock();
        try {
            return change.get();
        } finally {
            followerChanges.unlock();
        }
    }

    /** The chat's mode and topics, oldest first. */
    public ChatAlerts list(long chatId) {
        return db.read(c -> new ChatAlerts(
                chats.schedule(c, chatId).map(DigestMode::fromStored).orElseGet(DigestMode.Instant::new),
                subscriptions.forChat(c, chatId).stream()
                        .map(s -> new TopicSubscription(s.topic(), s.display())).toList()));
    }

    /**
     * Applies {@code /digest} arguments; pending alerts move to the new schedule (or are dropped
     * when alerts are turned off).
     *
     * @throws InvalidDigestException when the arguments are not understood
     */
    public DigestMode setDigest(long chatId, String chatType, String args) {
        ZoneId current = DeliveryStore.zoneOrUtc(chats.schedule(chatId).map(ChatSchedule::zone).orElse(null));
        DigestMode mode = DigestMode.parse(args, current);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            chats.ensure(c, chatId, chatType, now);
            chats.setSchedule(c, chatId, new ChatSchedule(mode.storedName(),
                    mode instanceof DigestMode.Daily d ? d.time().toString() : null,
                    mode instanceof DigestMode.Daily d ? d.zone().getId() : current.getId()), now);
            Instant due = mode.dueAfter(now, options.instantWindow());
            if (due == null) {
                deliveries.dropPending(c, chatId, null, "alerts turned off");
            } else {
                deliveries.reschedule(c, chatId, mode instanceof DigestMode.Instant ? now : due);
            }
            return null;
        });
        return mode;
    }

    private Optional<String> followed(long chatId, String key) {
        return subscriptions.display(chatId, key);
    }

    /** Call with {@link #followerChanges} held, so no follower can be committing meanwhile. */
    private void unindexIfUnfollowed(String key) {
        if (!subscriptions.followed(key)) {
            matcher.remove(key);
        }
    }
}
