package dev.newsbrief.stories;

import static dev.newsbrief.stories.StoryStore.placeholders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story listings {@link StoryStore} answers for {@code stats} and {@code newsbrief stories}:
 * counts, the largest and the most recent stories with their outlets and languages. Reads only,
 * on the caller's connection.
 */
final class StoryListing {
    private StoryListing() {
    }

    static StoryStore.Counts counts(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*), "
                + "COALESCE(SUM(CASE WHEN articles > 1 THEN 1 ELSE 0 END), 0), "
                + "COALESCE(SUM(CASE WHEN articles > 1 THEN articles ELSE 0 END), 0) FROM stories")) {
            return rs.next() ? new StoryStore.Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))
                    : new StoryStore.Counts(0, 0, 0);
        }
    }

    static List<StorySummary> largest(Connection c, int limit, String language) throws SQLException {
        return summaries(c, "articles > 1", "articles DESC, last_seen DESC, id DESC", language, limit);
    }

    static List<StorySummary> recent(Connection c, int limit, String language) throws SQLException {
        return summaries(c, "1 = 1", "last_seen DESC, id DESC", language, limit);
    }

    private static List<StorySummary> summaries(Connection c, String condition, String order, String language,
            int limit) throws SQLException {
        Map<Long, Object[]> fields = new LinkedHashMap<>();
        String inLanguage = language == null ? "" : " AND EXISTS (SELECT 1 FROM story_members m JOIN articles a "
                + "ON a.id = m.article_id WHERE m.story_id = stories.id AND a.language = ?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, title, first_seen, last_seen, articles "
                + "FROM stories WHERE " + condition + inLanguage + " ORDER BY " + order + " LIMIT ?")) {
            int i = 1;
            if (language != null) {
                ps.setString(i++, language);
            }
            ps.setInt(i, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fields.put(rs.getLong(1), new Object[] {rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5)});
                }
            }
        }
        Map<Long, List<String>> sources = sourcesOf(c, fields.keySet());
        Map<Long, List<String>> languages = languagesOf(c, fields.keySet());
        List<StorySummary> out = new ArrayList<>();
        fields.forEach((id, f) -> out.add(new StorySummary(id, (String) f[0], (Instant) f[1], (Instant) f[2],
                (Integer) f[3], sources.getOrDefault(id, List.of()), languages.getOrDefault(id, List.of()))));
        return out;
    }

    /** The languages detected in each story's articles, most articles first ({@code und} and not yet detected left out). */
    private static Map<Long, List<String>> languagesOf(Connection c, Collection<Long> storyIds) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT m.story_id, a.language, COUNT(*) AS n FROM story_members m "
                + "JOIN articles a ON a.id = m.article_id WHERE m.story_id IN (" + placeholders(storyIds.size()) + ") "
                + "AND a.language IS NOT NULL AND a.language <> 'und' "
                + "GROUP BY m.story_id, a.language ORDER BY m.story_id, n DESC, a.language";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (long id : storyIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Distinct outlets per story, most reports first, then the earliest. */
    private static Map<Long, List<String>> sourcesOf(Connection c, Collection<Long> storyIds) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        if (storyIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT m.story_id, a.source, a.url, COUNT(*) AS n, MIN(m.seen_at) AS earliest "
                + "FROM story_members m JOIN articles a ON a.id = m.article_id "
                + "WHERE m.story_id IN (" + placeholders(storyIds.size()) + ") "
                + "GROUP BY m.story_id, a.source, a.url ORDER BY m.story_id, n DESC, earliest, a.source";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (long id : storyIds) {
                ps.setLong(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String outlet = Outlets.name(rs.getString(2), rs.getString(3));
                    List<String> list = out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (outlet != null && !list.contains(outlet)) {
                        list.add(outlet);
                    }
                }
            }
        }
        return out;
    }
}
