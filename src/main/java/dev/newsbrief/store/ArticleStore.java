package dev.newsbrief.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The owner of {@code articles}: reads and writes {@link Article} rows. Methods that take a {@link Connection} join the caller's
 * transaction (so an article and, say, its alert deliveries commit together); the others open
 * their own.
 */
public final class ArticleStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, url, title, source, published_at, ingested_at, updated_at, body, "
            + "content_hash, duplicate_of, tags, language";

    private final Database db;
    private final ChangeLog changes;

    public ArticleStore(Database db) {
        this.db = db;
        this.changes = new ChangeLog(db);
    }

    public Database database() {
        return db;
    }

    private static final String UPSERT = "INSERT INTO articles (" + COLUMNS + ") "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET url=excluded.url, "
            + "title=excluded.title, source=excluded.source, published_at=excluded.published_at, "
            + "updated_at=excluded.updated_at, body=excluded.body, content_hash=excluded.content_hash, "
            + "duplicate_of=excluded.duplicate_of, tags=excluded.tags, "
            + "language=excluded.language";
    private static final String FIND = "SELECT " + COLUMNS + " FROM articles WHERE id = ?";
    private static final String ORIGINAL_BY_HASH = "SELECT " + COLUMNS
            + " FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY ingested_at LIMIT 1";
    private static final String ORIGINALS_BY_HASH = "SELECT " + COLUMNS
            + " FROM articles WHERE content_hash = ? AND duplicate_of IS NULL ORDER BY ingested_at, id LIMIT 16";
    private static final String ORIGINAL_BODY = "SELECT body FROM articles WHERE id = ? AND duplicate_of IS NULL";

    /**
     * Inserts the article, or replaces the stored one with the same id; on PostgreSQL the change
     * is logged in the same transaction for the other instances' indexes ({@link ChangeLog}).
     */
    public void upsert(Connection c, Article a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bindUpsert(ps, a);
            ps.executeUpdate();
        }
        changes.record(c, a.id(), a.updatedAt());
    }

    private static void bindUpsert(PreparedStatement ps, Article a) throws SQLException {
        ps.setString(1, a.id());
        ps.setString(2, a.url());
        ps.setString(3, a.title());
        ps.setString(4, a.source());
        setInstant(ps, 5, a.publishedAt());
        setInstant(ps, 6, a.ingestedAt());
        setInstant(ps, 7, a.updatedAt());
        ps.setString(8, a.body());
        ps.setString(9, a.contentHash());
        ps.setString(10, a.duplicateOf());
        ps.setString(11, a.tags().isEmpty() ? null : toJson(a.tags()));
        ps.setString(12, a.language());
    }

    /**
     * The hot-path article statements prepared once on {@code c}, for bulk writes inside one
     * transaction; close it before the transaction ends.
     */
    public Writer writer(Connection c) throws SQLException {
        return new Writer(c, changes);
    }

    /**
     * Article reads and writes on one connection with their statements prepared once: preparing
     * a statement costs SQLite more than running it, which matters at thousands of articles.
     * Not thread-safe.
     */
    public static final class Writer implements AutoCloseable {
        private final PreparedStatement upsert;
        private final PreparedStatement find;
        private final PreparedStatement originalsByHash;
        private final PreparedStatement originalBody;
        private final PreparedStatement logChange;

        private Writer(Connection c, ChangeLog changes) throws SQLException {
            List<PreparedStatement> made = new ArrayList<>();
            try {
                made.add(c.prepareStatement(UPSERT));
                made.add(c.prepareStatement(FIND));
                made.add(c.prepareStatement(ORIGINALS_BY_HASH));
                made.add(c.prepareStatement(ORIGINAL_BODY));
                made.add(changes.prepare(c));
            } catch (SQLException e) {
                for (PreparedStatement ps : made) {
                    if (ps != null) {
                        ps.close();
                    }
                }
                throw e;
            }
            upsert = made.get(0);
            find = made.get(1);
            originalsByHash = made.get(2);
            originalBody = made.get(3);
            logChange = made.get(4);
        }

        /** Inserts the article, or replaces the stored one with the same id (logging the change on PostgreSQL). */
        public void upsert(Article a) throws SQLException {
            bindUpsert(upsert, a);
            upsert.executeUpdate();
            if (logChange != null) {
                logChange.setString(1, a.id());
                logChange.setLong(2, a.updatedAt().toEpochMilli());
                logChange.executeUpdate();
            }
        }

        public Optional<Article> find(String id) throws SQLException {
            find.setString(1, id);
            return first(find);
        }

        /** Stored originals (not themselves duplicates) with this content hash, oldest first (at most 16). */
        public List<Article> originalsByContentHash(String contentHash) throws SQLException {
            originalsByHash.setString(1, contentHash);
            List<Article> out = new ArrayList<>();
            try (ResultSet rs = originalsByHash.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }

        /** The body of the article {@code id} if it is stored and not a duplicate. */
        public Optional<String> originalBody(String id) throws SQLException {
            originalBody.setString(1, id);
            try (ResultSet rs = originalBody.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }

        private static Optional<Article> first(PreparedStatement ps) throws SQLException {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }

        @Override
        public void close() throws SQLException {
            SQLException first = null;
            for (PreparedStatement ps : java.util.Arrays.asList(upsert, find, originalsByHash, originalBody, logChange)) {
                if (ps == null) {
                    continue;
                }
                try {
                    ps.close();
                } catch (SQLException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    public Optional<Article> find(String id) {
        return db.read(c -> find(c, id));
    }

    public Optional<Article> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** The first stored original (not itself a duplicate) with this content hash. */
    public Optional<Article> findOriginalByContentHash(Connection c, String contentHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ORIGINAL_BY_HASH)) {
            ps.setString(1, contentHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /** Streams every article that is not a duplicate, in id order; used by reindex. */
    public void forEachOriginal(Consumer<Article> consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM articles WHERE duplicate_of IS NULL ORDER BY id")) {
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(map(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Which version of an original article the store holds: enough to tell whether an index copy is current. */
    public record Version(String id, String contentHash, long updatedAtMillis) {
    }

    /**
     * Streams the id, content hash and last-change time of every article that is not a duplicate,
     * in id order (SQLite's BINARY collation: UTF-8 byte order); no bodies are read.
     */
    public void forEachOriginalVersion(Consumer<Version> consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, updated_at FROM articles "
                    + "WHERE duplicate_of IS NULL ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new Version(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return null;
        });
    }

    /** How many articles are not duplicates: what a complete index holds. */
    public long countOriginals() {
        return countWhere("duplicate_of IS NULL");
    }

    /** The ids of every article that is not a duplicate, in id order; cheap, no bodies are read. */
    public List<String> originalIds() {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM articles WHERE duplicate_of IS NULL ORDER BY id")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /** The newest originals by publication (then ingestion) time. */
    public List<Article> latest(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM articles "
                    + "WHERE duplicate_of IS NULL ORDER BY COALESCE(published_at, ingested_at) DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<Article> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Records the detected language of each article (id to language code) in one transaction;
     * used to fill in articles stored before languages were detected. On PostgreSQL each is a
     * change the other instances' indexes apply (the language decides how it is analysed).
     */
    public void setLanguages(Map<String, String> languages) {
        if (languages.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET language = ? WHERE id = ?")) {
                for (Map.Entry<String, String> e : languages.entrySet()) {
                    ps.setString(1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String id : languages.keySet()) {
                changes.record(c, id, now);
            }
            return null;
        });
    }

    /**
     * Original articles per language (ISO 639-1, {@code und} when undetermined, {@code ?} for
     * articles stored before languages were detected), most first.
     */
    public Map<String, Long> countByLanguage() {
        return db.read(c -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(language, '?') AS l, COUNT(*) AS n "
                    + "FROM articles WHERE duplicate_of IS NULL GROUP BY COALESCE(language, '?') ORDER BY n DESC, l");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Articles per source (a missing source counted as "unknown"), most first. */
    public Map<String, Long> countBySource() {
        return db.read(c -> {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(source, 'unknown') AS s, COUNT(*) AS n "
                    + "FROM articles GROUP BY COALESCE(source, 'unknown') ORDER BY n DESC, s");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    public long count() {
        return countWhere("1 = 1");
    }

    public long countDuplicates() {
        return countWhere("duplicate_of IS NOT NULL");
    }

    private long countWhere(String where) {
        return db.read(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM articles WHERE " + where)) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    static Article map(ResultSet rs) throws SQLException {
        return new Article(rs.getString("id"), rs.getString("url"), rs.getString("title"), rs.getString("source"),
                instant(rs, "published_at"), instant(rs, "ingested_at"), instant(rs, "updated_at"),
                rs.getString("body"), rs.getString("content_hash"),
                rs.getString("duplicate_of"), fromJson(rs.getString("tags")), rs.getString("language"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value.toEpochMilli());
        }
    }

    private static String toJson(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tags are plain strings", e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
