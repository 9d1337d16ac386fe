package dev.newsbrief.stories;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What {@link StoryReader#shared} answers, kept in memory on one SQLite read connection: which
 * articles belong to a story of two or more reports ({@link MemberHashes}: most articles do not,
 * and need nothing more), and the reports of the stories briefings asked about recently.
 *
 * <p>It stays exact by following {@code story_members.seq}: every write that can change an
 * answer takes a new seq in its own transaction, as the {@link StoryStore} writer does it: a new
 * member (its story's count is updated in the same transaction), and a changed article, whose
 * headline, link and time change with its member row ({@code refresh}). Nothing deletes a member
 * or moves it to another story. So before each lookup it asks SQLite's {@code data_version}
 * whether any other connection committed since (a few microseconds), and if one did, reads the
 * members after the last seq it saw: their stories' reports are dropped from memory and, when
 * those stories now have two or more reports, their members are added. Loading reads only the
 * members of shared stories. Not thread-safe: {@link StoryReader} lets one caller in at a time.
 */
final class SharedStories {
    /** Stories whose reports are kept, the least recently asked dropped first. */
    static final int CACHED_STORIES = 4096;
    /** More stories changed than this since the last look: load everything again instead. */
    static final int RELOAD_AFTER = 8192;
    private static final String SHARED_MEMBERS = "SELECT m.article_id, m.story_id FROM story_members m "
            + "JOIN stories s ON s.id = m.story_id AND s.articles > 1";

    private final MemberHashes members;
    private final Map<Long, List<Report>> reports = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Report>> eldest) {
            return size() > CACHED_STORIES;
        }
    };
    private final Connection c;
    private final PreparedStatement dataVersion;
    private final PreparedStatement changed;
    private final PreparedStatement membersOf;
    private final PreparedStatement reportsOf;
    private final PreparedStatement sql;
    private long seq = -1;
    private long version;

    /** @param sql the reader's own lookup ({@link StoryReader#query}), for the rare id a hash cannot tell */
    SharedStories(Connection c, PreparedStatement sql) throws SQLException {
        this(c, sql, new MemberHashes());
    }

    SharedStories(Connection c, PreparedStatement sql, MemberHashes members) throws SQLException {
        this.members = members;
        this.c = c;
        this.sql = sql;
        String places = String.join(",", Collections.nCopies(StoryReader.BATCH, "?"));
        dataVersion = c.prepareStatement("PRAGMA data_version");
        changed = c.prepareStatement("SELECT story_id, seq FROM story_members WHERE seq > ? ORDER BY seq");
        membersOf = c.prepareStatement(SHARED_MEMBERS + " WHERE m.story_id IN (" + places + ")");
        reportsOf = c.prepareStatement("SELECT m.article_id, m.story_id, a.title, a.source, a.url, m.seen_at "
                + "FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id IN (" + places
                + ") ORDER BY m.story_id, m.seen_at, m.article_id");
    }

    /** The same answer as {@link StoryReader#query} on the store as it is now committed. */
    StoryReader.Found shared(List<String> ids) throws SQLException {
        catchUp();
        Map<String, Long> candidates = new HashMap<>();
        List<String> unsure = new ArrayList<>();
        for (String id : ids) {
            long story = members.get(id);
            if (story == MemberHashes.AMBIGUOUS) {
                unsure.add(id);
            } else if (story != MemberHashes.NONE) {
                candidates.put(id, story);
            }
        }
        if (candidates.isEmpty() && unsure.isEmpty()) {
            return new StoryReader.Found(Map.of(), Map.of());
        }
        Map<Long, List<Report>> asked = reportsOf(new HashSet<>(candidates.values()));
        Map<String, Long> storyOf = new HashMap<>();
        Map<Long, List<Report>> found = new TreeMap<>();
        candidates.forEach((id, story) -> {
            List<Report> list = asked.get(story);
            // not among its story's reports: the hash is another article's, and this one is in no shared story
            if (list.stream().anyMatch(r -> r.articleId().equals(id))) {
                storyOf.put(id, story);
                found.put(story, list);
            }
        });
        if (!unsure.isEmpty()) {
            StoryReader.Found exact = StoryReader.query(sql, unsure);
            storyOf.putAll(exact.storyOf());
            found.putAll(exact.reports());
        }
        return new StoryReader.Found(storyOf, new LinkedHashMap<>(found));
    }

    /** Brings the member hashes and kept reports up to what is committed now. */
    private void catchUp() throws SQLException {
        long now;
        try (ResultSet rs = dataVersion.executeQuery()) {
            rs.next();
            now = rs.getLong(1);
        }
        if (seq >= 0 && now == version) {
            return; // no other connection committed anything since the last look
        }
        version = now;
        if (seq < 0) {
            load();
            return;
        }
        changed.setLong(1, seq);
        Set<Long> touched = new HashSet<>();
        long newest = seq;
        try (ResultSet rs = changed.executeQuery()) {
            while (rs.next()) {
                touched.add(rs.getLong(1));
                newest = rs.getLong(2);
            }
        }
        if (touched.size() > RELOAD_AFTER) {
            load();
            return;
        }
        reports.keySet().removeAll(touched);
        List<Long> stories = List.copyOf(touched);
        for (int from = 0; from < stories.size(); from += StoryReader.BATCH) {
            bind(membersOf, stories.subList(from, Math.min(stories.size(), from + StoryReader.BATCH)));
            try (ResultSet rs = membersOf.executeQuery()) {
                while (rs.next()) {
                    members.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        seq = newest;
    }

    /** Reads every member of a shared story; the seq is read first, so later changes are read again. */
    private void load() throws SQLException {
        long newest;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM story_members");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            newest = rs.getLong(1);
        }
        members.clear();
        reports.clear();
        try (PreparedStatement ps = c.prepareStatement(SHARED_MEMBERS); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                members.put(rs.getString(1), rs.getLong(2));
            }
        }
        seq = newest;
    }

    /** The reports of these stories, oldest first: kept ones from memory, the others read and kept. */
    private Map<Long, List<Report>> reportsOf(Set<Long> stories) throws SQLException {
        Map<Long, List<Report>> out = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long story : stories) {
            List<Report> kept = reports.get(story);
            if (kept == null) {
                missing.add(story);
            } else {
                out.put(story, kept);
            }
        }
        for (int from = 0; from < missing.size(); from += StoryReader.BATCH) {
            List<Long> chunk = missing.subList(from, Math.min(missing.size(), from + StoryReader.BATCH));
            Map<Long, List<Report>> read = new HashMap<>();
            chunk.forEach(s -> read.put(s, new ArrayList<>()));
            bind(reportsOf, chunk);
            try (ResultSet rs = reportsOf.executeQuery()) {
                while (rs.next()) {
                    Report r = new Report(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)));
                    read.get(r.storyId()).add(r);
                }
            }
            read.forEach((s, list) -> {
                List<Report> kept = List.copyOf(list);
                reports.put(s, kept);
                out.put(s, kept);
            });
        }
        return out;
    }

    /** Binds the story ids, unused places to null (which matches nothing). */
    private static void bind(PreparedStatement ps, List<Long> stories) throws SQLException {
        for (int i = 0; i < StoryReader.BATCH; i++) {
            if (i < stories.size()) {
                ps.setLong(i + 1, stories.get(i));
            } else {
                ps.setNull(i + 1, java.sql.Types.BIGINT);
            }
        }
    }

    void close() {
        for (PreparedStatement ps : List.of(dataVersion, changed, membersOf, reportsOf)) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // the connection they belong to is closed next all the same
            }
        }
    }
}
