package dev.newsbrief.stories;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads stories for briefings: which of a briefing's articles share a story with others, and
 * all reports of those stories. Every briefing asks once, so on SQLite it keeps one read
 * connection and answers from memory ({@link SharedStories}: the members of shared stories and
 * recently asked stories' reports, brought up to date with every commit before each answer),
 * letting one caller in at a time. On PostgreSQL, which other instances write too, it asks the
 * store on a pooled connection per question. Close it with the database.
 */
public final class StoryReader implements AutoCloseable {
    private final Database db;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private PreparedStatement statement;
    private SharedStories view;
    private boolean migrated;
    private boolean closed;

    public StoryReader(Database db) {
        this.db = db;
    }

    /**
     * The stories of these articles that have more than one report, with their reports.
     *
     * @param storyOf the story of each asked article that shares one
     * @param reports every report of those stories, oldest first
     */
    public record Found(Map<String, Long> storyOf, Map<Long, List<Report>> reports) {
    }

    public Found shared(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return new Found(Map.of(), Map.of());
        }
        List<String> ids = List.copyOf(articleIds);
        if (db.dialect() != Database.Dialect.SQLITE) {
            // a PostgreSQL store lends a pooled connection for as long as one briefing's query
            return db.read(c -> {
                if (!StoryStore.migrated(c)) {
                    return new Found(Map.of(), Map.of());
                }
                try (PreparedStatement ps = c.prepareStatement(SQL)) {
                    return query(ps, ids);
                }
            });
        }
        lock.lock();
        try {
            if (closed) {
                throw new StoreException("story reader of " + db.describe() + " is closed", null);
            }
            if (connection == null) {
                connection = db.openReader();
                migrated = StoryStore.migrated(connection);
                statement = migrated ? connection.prepareStatement(SQL) : null;
                view = migrated ? new SharedStories(connection, statement) : null;
            }
            // a store from before stories, opened read-only (not migrated): every article is its own story
            return migrated ? view.shared(ids) : new Found(Map.of(), Map.of());
        } catch (SQLException e) {
            closeConnection(); // opened afresh next time
            throw new StoreException("reading stories from " + db.describe() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Articles (or stories) asked about in one statement; more are asked in turns. */
    static final int BATCH = 64;
    static final String SQL = "SELECT DISTINCT m2.story_id, m2.article_id, a.title, a.source, a.url, "
            + "m2.seen_at FROM story_members m1 JOIN stories s ON s.id = m1.story_id AND s.articles > 1 "
            + "JOIN story_members m2 ON m2.story_id = m1.story_id JOIN articles a ON a.id = m2.article_id "
            + "WHERE m1.article_id IN (" + String.join(",", java.util.Collections.nCopies(BATCH, "?"))
            + ") ORDER BY m2.story_id, m2.seen_at, m2.article_id";

    /** Runs the one prepared statement (unused places bound to null, which matches nothing). */
    static Found query(PreparedStatement ps, List<String> ids) throws SQLException {
        Map<String, Long> storyOf = new HashMap<>();
        Map<Long, List<Report>> reports = new LinkedHashMap<>();
        java.util.Set<String> asked = new java.util.HashSet<>(ids);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            for (int i = 0; i < BATCH; i++) {
                ps.setString(i + 1, i < chunk.size() ? chunk.get(i) : null);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Report r = new Report(rs.getString(2), rs.getLong(1), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
                    if (seen.add(r.articleId())) {
                        reports.computeIfAbsent(r.storyId(), k -> new ArrayList<>()).add(r);
                    }
                    if (asked.contains(r.articleId())) {
                        storyOf.put(r.articleId(), r.storyId());
                    }
                }
            }
        }
        return new Found(storyOf, reports);
    }

    private void closeConnection() {
        if (view != null) {
            view.close();
            view = null;
        }
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection below is closed all the same
            }
            statement = null;
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a connection that will not close is dropped all the same
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeConnection();
        } finally {
            lock.unlock();
        }
    }
}
