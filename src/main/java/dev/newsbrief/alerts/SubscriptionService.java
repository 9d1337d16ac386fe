package dev.newsbrief.alerts;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    public SubscriptionService(Database db, TopicParser parser, TopicMatcher matcher, AlertsOptions options, Clock clock) {
        this.db = db;
        this.articles = new ArticleStore(db);
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
        Map<String, String> displayByKey = db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT topic, MIN(display) FROM subscriptions GROUP BY topic")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
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
                            rekeyTopic(c, e.getKey(), e.getValue());
                        }
                    }
                    return null;
                });
            }
            matcher.addAll(topics);
            return matcher.size();
        });
    }

    private static void rekeyTopic(Connection c, String oldKey, String newKey) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE OR IGNORE subscriptions SET topic = ? WHERE topic = ?")) {
            ps.setString(1, newKey);
            ps.setString(2, oldKey);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE topic = ?")) {
            ps.setString(1, oldKey); // chats that already had the new key: one subscription is enough
            ps.executeUpdate();
        }
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
            return new SubscribeResult.Invalid(e.getMessage());
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
            ensureChat(c, chatId, chatType);
            if (countFor(c, chatId) >= options.maxSubscriptions()) {
                return new SubscribeResult.LimitReached(options.maxSubscriptions());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO subscriptions (chat_id, topic, display, "
                    + "created_at) VALUES (?,?,?,?) ON CONFLICT(chat_id, topic) DO NOTHING")) {
                ps.setLong(1, chatId);
                ps.setString(2, topic.key());
                ps.setString(3, topic.display());
                ps.setLong(4, clock.millis());
                if (ps.executeUpdate() == 0) {
                    return new SubscribeResult.AlreadyFollowing(topic.display());
                }
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
            Optional<String> display = followed(c, chatId, key);
            if (display.isEmpty()) {
                return Optional.<String>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
                ps.setLong(1, chatId);
                ps.setString(2, key);
                ps.executeUpdate();
            }
            DeliveryStore.dropPending(c, chatId, key, "unsubscribed");
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
        return db.read(c -> new ChatAlerts(mode(c, chatId), topics(c, chatId)));
    }

    /**
     * Applies {@code /digest} arguments; pending alerts move to the new schedule (or are dropped
     * when alerts are turned off).
     *
     * @throws InvalidDigestException when the arguments are not understood
     */
    public DigestMode setDigest(long chatId, String chatType, String args) {
        ZoneId current = db.read(c -> zone(c, chatId));
        DigestMode mode = DigestMode.parse(args, current);
        Instant now = clock.instant();
        db.inTransaction(c -> {
            ensureChat(c, chatId, chatType);
            try (PreparedStatement ps = c.prepareStatement("UPDATE chats SET digest_mode = ?, digest_time = ?, "
                    + "time_zone = ?, updated_at = ? WHERE chat_id = ?")) {
                ps.setString(1, mode.storedName());
                ps.setString(2, mode instanceof DigestMode.Daily d ? d.time().toString() : null);
                ps.setString(3, mode instanceof DigestMode.Daily d ? d.zone().getId() : current.getId());
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, chatId);
                ps.executeUpdate();
            }
            Instant due = mode.dueAfter(now, options.instantWindow());
            if (due == null) {
                DeliveryStore.dropPending(c, chatId, null, "alerts turned off");
            } else {
                DeliveryStore.reschedule(c, chatId, mode instanceof DigestMode.Instant ? now : due);
            }
            return null;
        });
        return mode;
    }

    private Optional<String> followed(long chatId, String key) {
        return db.read(c -> followed(c, chatId, key));
    }

    private static Optional<String> followed(Connection c, long chatId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT display FROM subscriptions WHERE chat_id = ? AND topic = ?")) {
            ps.setLong(1, chatId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Call with {@link #followerChanges} held, so no follower can be committing meanwhile. */
    private void unindexIfUnfollowed(String key) {
        boolean followedByAnyone = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM subscriptions WHERE topic = ? LIMIT 1")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!followedByAnyone) {
            matcher.remove(key);
        }
    }

    private void ensureChat(Connection c, long chatId, String chatType) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chats (chat_id, type, created_at, updated_at) "
                + "VALUES (?,?,?,?) ON CONFLICT(chat_id) DO NOTHING")) {
            ps.setLong(1, chatId);
            ps.setString(2, chatType == null ? "private" : chatType);
            ps.setLong(3, clock.millis());
            ps.setLong(4, clock.millis());
            ps.executeUpdate();
        }
    }

    private static int countFor(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM subscriptions WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static List<TopicSubscription> topics(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT topic, display FROM subscriptions WHERE chat_id = ? ORDER BY created_at, id")) {
            ps.setLong(1, chatId);
            List<TopicSubscription> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TopicSubscription(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        }
    }

    private static DigestMode mode(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT digest_mode, digest_time, time_zone FROM chats WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? DigestMode.fromStored(rs.getString(1), rs.getString(2), rs.getString(3))
                        : new DigestMode.Instant();
            }
        }
    }

    private static ZoneId zone(Connection c, long chatId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM chats WHERE chat_id = ?")) {
            ps.setLong(1, chatId);
            try (ResultSet rs = ps.executeQuery()) {
                return DeliveryStore.zoneOrUtc(rs.next() ? rs.getString(1) : null);
            }
        }
    }
}
