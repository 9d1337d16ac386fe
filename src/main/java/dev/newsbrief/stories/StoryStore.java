package dev.newsbrief.stories;

import dev.newsbrief.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The one writer of the {@code stories} and {@code story_members} tables, and what everything
 * else asks about stories: an article's membership, the reports of a story, the largest and the
 * most recent stories. Methods taking a {@link Connection} join the caller's transaction.
 */
public final class StoryStore {
    private static final String MEMBER_COLUMNS = "article_id, story_id, seen_at, how, matched, containment, "
            + "new_share, is_update";
    private static final String MEMBERSHIP = "SELECT " + MEMBER_COLUMNS + " FROM story_members WHERE article_id = ?";
    private static final long DAY_MILLIS = 86_400_000L;

    private final Database db;

    public StoryStore(Database db) {
        this.db = db;
    }

    /** The day partition of a time: whole days since 1970-01-01 (UTC). */
    static long day(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), DAY_MILLIS);
    }

    /** The article's membership, read on {@code c} (inside the caller's transaction). */
    public Optional<Membership> membership(Connection c, String articleId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MEMBERSHIP)) {
            ps.setString(1, articleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(membership(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Membership> membership(String articleId) {
        return db.read(c -> membership(c, articleId));
    }

    /**
     * How many stories there are.
     *
     * @param stories    all stories
     * @param multiple   stories reported by more than one article
     * @param inStories  articles in those multi-article stories
     */
    public record Counts(long stories, long multiple, long inStories) {
    }

    /** Story counts; zeros for a store from before stories (opened read-only, not migrated). */
    public Counts counts() {
        return db.read(c -> migrated(c) ? StoryListing.counts(c) : new Counts(0, 0, 0));
    }

    /** Whether the story tables exist (a store opened read-only may predate them). */
    static boolean migrated(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "story_members", null)) {
            return rs.next();
        }
    }

    /** The {@code limit} stories with the most articles (ties: the most recent first). */
    public List<StorySummary> largest(int limit) {
        return largest(limit, null);
    }

    /** The same, of the stories with an article in {@code language} (any language when null). */
    public List<StorySummary> largest(int limit, String language) {
        return db.read(c -> migrated(c) ? StoryListing.largest(c, limit, language) : List.of());
    }

    /** The {@code limit} stories most recently reported. */
    public List<StorySummary> recent(int limit) {
        return recent(limit, null);
    }

    /** The same, of the stories with an article in {@code language} (any language when null). */
    public List<StorySummary> recent(int limit, String language) {
        return db.read(c -> migrated(c) ? StoryListing.recent(c, limit, language) : List.of());
    }

    /** The story of each of these articles that has one. */
    public Map<String, Long> storiesOf(Collection<String> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<String, Long> out = new HashMap<>();
            List<String> ids = List.copyOf(articleIds);
            try (PreparedStatement ps = c.prepareStatement("SELECT article_id, story_id FROM story_members "
                    + "WHERE article_id IN (" + placeholders(ids.size()) + ")")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return out;
        });
    }

    /** Every article of these stories, oldest first per story. */
    public Map<Long, List<Report>> reports(Collection<Long> storyIds) {
        if (storyIds.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<Long, List<Report>> out = new LinkedHashMap<>();
            List<Long> ids = List.copyOf(storyIds);
            try (PreparedStatement ps = c.prepareStatement("SELECT m.article_id, m.story_id, a.title, a.source, a.url, "
                    + "m.seen_at FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ("
                    + placeholders(ids.size()) + ") ORDER BY m.story_id, m.seen_at, m.article_id")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Report r = new Report(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
                        out.computeIfAbsent(r.storyId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            return out;
        });
    }

    /** Ids of stored articles without a story (stored before stories existed), originals first, oldest first. */
    List<String> unassigned() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM articles a LEFT JOIN story_members m "
                    + "ON m.article_id = a.id WHERE m.article_id IS NULL "
                    + "ORDER BY CASE WHEN a.duplicate_of IS NULL THEN 0 ELSE 1 END, COALESCE(a.published_at, a.ingested_at), a.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Story statements prepared once on a writer connection, for one batch. */
    Writer writer(Connection c) throws SQLException {
        return new Writer(c, db.dialect() != Database.Dialect.SQLITE);
    }

    /** First half of the story writers' advisory lock key ("nbst"). */
    private static final int STORY_LOCK = 0x6e627374;

    /** Reads and writes of one batch transaction, statements prepared once. Not thread-safe. */
    static final class Writer implements AutoCloseable {
        private final List<PreparedStatement> statements = new ArrayList<>();
        private final PreparedStatement membership;
        private final PreparedStatement newStory;
        private final PreparedStatement addMember;
        private final PreparedStatement touchStory;
        private final PreparedStatement refresh;
        private final PreparedStatement text;
        private final PreparedStatement bandKeys;
        private final PreparedStatement changedSince;
        private final Connection c;
        private final boolean shared;

        private Writer(Connection c, boolean shared) throws SQLException {
            this.c = c;
            this.shared = shared;
            try {
                membership = prepare(c, MEMBERSHIP);
                newStory = prepare(c, "INSERT INTO stories (title, first_article, first_seen, last_seen, articles, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id");
                addMember = prepare(c, "INSERT INTO story_members (article_id, story_id, seen_at, day, band_keys, how, "
                        + "matched, containment, new_share, is_update, joined_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                        + "RETURNING seq");
                touchStory = prepare(c, "UPDATE stories SET articles = articles + 1, "
                        + "first_seen = CASE WHEN first_seen < ? THEN first_seen ELSE ? END, "
                        + "last_seen = CASE WHEN last_seen > ? THEN last_seen ELSE ? END, updated_at = ? WHERE id = ?");
                // a changed member takes a new seq, so other instances' band indexes and every
                // reader's story view (SharedStories) see it changed; on SQLite seq is the rowid
                refresh = prepare(c, "UPDATE story_members SET seq = " + (shared ? "DEFAULT"
                        : "(SELECT MAX(seq) + 1 FROM story_members)")
                        + ", seen_at = ?, day = ?, band_keys = ? WHERE article_id = ? RETURNING seq");
                text = prepare(c, "SELECT a.title, a.body, a.duplicate_of, COALESCE(a.published_at, a.ingested_at), "
                        + "CASE WHEN o.content_hash = a.content_hash THEN 1 ELSE 0 END FROM articles a "
                        + "LEFT JOIN articles o ON o.id = a.duplicate_of WHERE a.id = ?");
                bandKeys = prepare(c, "SELECT article_id, story_id, seen_at, band_keys FROM story_members "
                        + "WHERE day BETWEEN ? AND ? AND band_keys IS NOT NULL");
                changedSince = prepare(c, "SELECT article_id, story_id, seen_at, band_keys, seq FROM story_members "
                        + "WHERE seq > ? ORDER BY seq");
            } catch (SQLException e) {
                close();
                throw e;
            }
        }

        private PreparedStatement prepare(Connection c, String sql) throws SQLException {
            PreparedStatement ps = c.prepareStatement(sql);
            statements.add(ps);
            return ps;
        }

        /**
         * On a store several instances share (PostgreSQL), waits for the one story writer's lock,
         * held to the end of this transaction, so two instances never place articles at once and
         * each sees the other's committed members; then returns the newest member's seq. Empty on
         * SQLite, which one process writes.
         */
        OptionalLong lockShared() throws SQLException {
            if (!shared) {
                return OptionalLong.empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, STORY_LOCK);
                ps.setInt(2, 0);
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM story_members");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return OptionalLong.of(rs.getLong(1));
            }
        }

        /**
         * Members added or changed after {@code seq}, in order, as band index entries (keys null:
         * not in the band index); returns the newest seq read.
         */
        long changedSince(long seq, Consumer<BandIndex.Entry> sink) throws SQLException {
            changedSince.setLong(1, seq);
            long newest = seq;
            try (ResultSet rs = changedSince.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new BandIndex.Entry(rs.getString(1), rs.getLong(2), rs.getLong(3),
                            MinHash.bandKeysFromBytes(rs.getBytes(4))));
                    newest = rs.getLong(5);
                }
            }
            return newest;
        }

        Optional<Membership> membership(String articleId) throws SQLException {
            membership.setString(1, articleId);
            try (ResultSet rs = membership.executeQuery()) {
                return rs.next() ? Optional.of(StoryStore.membership(rs)) : Optional.empty();
            }
        }

        /** Starts a story, counting its first member (recorded next with {@link #addMember}), and returns its id. */
        long newStory(String title, String firstArticle, Instant seenAt, Instant now) throws SQLException {
            newStory.setString(1, title);
            newStory.setString(2, firstArticle);
            newStory.setLong(3, seenAt.toEpochMilli());
            newStory.setLong(4, seenAt.toEpochMilli());
            newStory.setLong(5, now.toEpochMilli());
            newStory.setLong(6, now.toEpochMilli());
            try (ResultSet rs = newStory.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /**
         * Records {@code m} with the band keys the band index uses (or null), and counts it in its
         * story unless it {@code started} it ({@link #newStory} counted that one).
         */
        long addMember(Membership m, int[] bandKeys, boolean started, Instant now) throws SQLException {
            addMember.setString(1, m.articleId());
            addMember.setLong(2, m.storyId());
            addMember.setLong(3, m.seenAt().toEpochMilli());
            addMember.setLong(4, day(m.seenAt()));
            if (bandKeys == null) {
                addMember.setNull(5, Types.VARBINARY);
            } else {
                addMember.setBytes(5, MinHash.toBytes(bandKeys));
            }
            addMember.setString(6, m.how().code());
            addMember.setString(7, m.matched());
            addMember.setDouble(8, m.containment());
            addMember.setDouble(9, m.newShare());
            addMember.setInt(10, m.update() ? 1 : 0);
            addMember.setLong(11, now.toEpochMilli());
            long seq;
            try (ResultSet rs = addMember.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
            if (started) {
                return seq;
            }
            long seen = m.seenAt().toEpochMilli();
            touchStory.setLong(1, seen);
            touchStory.setLong(2, seen);
            touchStory.setLong(3, seen);
            touchStory.setLong(4, seen);
            touchStory.setLong(5, now.toEpochMilli());
            touchStory.setLong(6, m.storyId());
            touchStory.executeUpdate();
            return seq;
        }

        /**
         * A changed article keeps its story; its time and band keys follow its new text, and it
         * takes the next seq (the change is logged in {@code story_members} itself). Returns that
         * seq, 0 when it has no membership.
         */
        long refresh(String articleId, Instant seenAt, int[] bandKeys) throws SQLException {
            refresh.setLong(1, seenAt.toEpochMilli());
            refresh.setLong(2, day(seenAt));
            if (bandKeys == null) {
                refresh.setNull(3, Types.VARBINARY);
            } else {
                refresh.setBytes(3, MinHash.toBytes(bandKeys));
            }
            refresh.setString(4, articleId);
            try (ResultSet rs = refresh.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }

        /** What story matching reads of a stored article. */
        Optional<StoredArticle> article(String articleId) throws SQLException {
            text.setString(1, articleId);
            try (ResultSet rs = text.executeQuery()) {
                return rs.next() ? Optional.of(new StoredArticle(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getInt(5) == 1)) : Optional.empty();
            }
        }

        /** Every stored article with band keys seen on the days {@code from..to}, as band index entries. */
        void bandKeys(long from, long to, Consumer<BandIndex.Entry> sink) throws SQLException {
            bandKeys.setLong(1, from);
            bandKeys.setLong(2, to);
            try (ResultSet rs = bandKeys.executeQuery()) {
                while (rs.next()) {
                    int[] keys = MinHash.bandKeysFromBytes(rs.getBytes(4));
                    if (keys != null) {
                        sink.accept(new BandIndex.Entry(rs.getString(1), rs.getLong(2), rs.getLong(3), keys));
                    }
                }
            }
        }

        @Override
        public void close() {
            for (PreparedStatement ps : statements) {
                try {
                    ps.close();
                } catch (SQLException ignored) {
                    // closing only frees the statement; the transaction's outcome is decided elsewhere
                }
            }
        }
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        return new Membership(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)),
                Membership.How.of(rs.getString(4)), rs.getString(5), rs.getDouble(6), rs.getDouble(7),
                rs.getInt(8) == 1);
    }

    static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
