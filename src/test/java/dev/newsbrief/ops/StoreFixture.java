package dev.newsbrief.ops;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** Writes rows into the base schema's tables the way their owning packages do, for ops tests. */
final class StoreFixture {
    private StoreFixture() {}

    static Article article(String id, String source, String body) {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        return new Article(id, "https://example.org/" + id, "Title " + id, source, t, t, t, body,
                "hash-" + id, null, Map.of());
    }

    static void addArticles(Database db, String source, int count) {
        ArticleStore store = new ArticleStore(db);
        db.inTransaction(c -> {
            for (int i = 0; i < count; i++) {
                store.upsert(c, article(source + "-" + i, source,
                        "Central bank raises interest rates in " + source + " story number " + i + "."));
            }
            return null;
        });
    }

    static void addChat(Connection c, long chatId, boolean active) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO chats (chat_id, type, active, created_at, updated_at) VALUES (?, 'private', ?, 0, 0)")) {
            ps.setLong(1, chatId);
            ps.setInt(2, active ? 1 : 0);
            ps.executeUpdate();
        }
    }

    static void addSubscription(Connection c, long chatId, String topic) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO subscriptions (chat_id, topic, display, created_at) VALUES (?, ?, ?, 0)")) {
            ps.setLong(1, chatId);
            ps.setString(2, topic);
            ps.setString(3, topic);
            ps.executeUpdate();
        }
    }

    static void addDelivery(Connection c, long chatId, String articleId, String status, long createdAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (chat_id, article_id, topic, status, "
                + "next_attempt_at, created_at) VALUES (?, ?, 'rates', ?, 0, ?)")) {
            ps.setLong(1, chatId);
            ps.setString(2, articleId);
            ps.setString(3, status);
            ps.setLong(4, createdAt);
            ps.executeUpdate();
        }
    }

    static void addFeed(Connection c, String source, int failures, String lastError) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feed_state (source, url, consecutive_failures, "
                + "last_error, items_seen) VALUES (?, 'https://example.org/feed', ?, ?, 3)")) {
            ps.setString(1, source);
            ps.setInt(2, failures);
            ps.setString(3, lastError);
            ps.executeUpdate();
        }
    }
}
