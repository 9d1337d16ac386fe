package dev.newsbrief.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.WriteTransaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story view briefings read on SQLite against the SQL lookup it replaces: the same answer
 * after every commit, while stories gain members, articles change their headline, link and time,
 * transactions roll back, and another process writes the file.
 */
class SharedStoriesTest {
    static final Instant T0 = Instant.parse("2025-03-20T08:00:00Z");

    @TempDir
    Path tmp;

    private Database db;
    private Database otherProcess;
    private Connection sqlConnection;
    private PreparedStatement sql;
    private Connection viewConnection;
    private PreparedStatement viewSql;
    private final List<String> ids = new ArrayList<>();
    private final List<Long> stories = new ArrayList<>();
    private int serial;

    @BeforeEach
    void open() throws SQLException {
        db = Database.open(tmp.resolve("newsbrief.db"));
        otherProcess = Database.open(tmp.resolve("newsbrief.db"));
        sqlConnection = db.openReader();
        sql = sqlConnection.prepareStatement(StoryReader.SQL);
        viewConnection = db.openReader();
        viewSql = viewConnection.prepareStatement(StoryReader.SQL);
    }

    @AfterEach
    void close() throws SQLException {
        sqlConnection.close();
        viewConnection.close();
        otherProcess.close();
        db.close();
    }

    @ParameterizedTest(name = "hash collisions: {0}")
    @ValueSource(booleans = {false, true})
    void answersWhatTheStoreSaysAfterEveryCommit(boolean colliding) throws SQLException {
        // colliding: ids share 5 hashes, so most lookups meet another story's member or an ambiguous hash
        SharedStories view = new SharedStories(viewConnection, viewSql,
                colliding ? new MemberHashes(id -> 1 + Math.floorMod(id.hashCode(), 5)) : new MemberHashes());
        try (StoryReader reader = new StoryReader(db)) {
            Random random = new Random(20261201L);
            int compared = 0;
            int shared = 0;
            for (int round = 0; round < 120; round++) {
                Database writer = random.nextInt(3) == 0 ? otherProcess : db;
                List<String> newIds = new ArrayList<>();
                List<Long> newStories = new ArrayList<>();
                try (WriteTransaction tx = writer.begin()) {
                    for (int op = 1 + random.nextInt(4); op > 0; op--) {
                        write(tx.connection(), random, round, newIds, newStories);
                    }
                    if (random.nextInt(8) != 0) {
                        tx.commit(); // else rolled back: nothing of it may show
                        ids.addAll(newIds);
                        stories.addAll(newStories);
                    }
                }
                for (int q = 0; q < 3; q++) {
                    List<String> asked = asked(random);
                    StoryReader.Found expected = StoryReader.query(sql, asked);
                    assertThat(view.shared(asked)).as("round %d, asked %s", round, asked).isEqualTo(expected);
                    assertThat(reader.shared(asked)).isEqualTo(expected);
                    compared++;
                    shared += expected.storyOf().size();
                }
            }
            assertThat(compared).isEqualTo(360);
            assertThat(shared).as("the lookups met shared stories").isGreaterThan(200);
        } finally {
            view.close();
        }
    }

    @Test
    void anArticleJoiningAStoryAfterTheViewWasBuiltShowsAtOnce() throws SQLException {
        try (StoryReader reader = new StoryReader(db)) {
            long story = commit(db, c -> start(c, "wire-1", "Oil output cut", T0));
            assertThat(reader.shared(List.of("wire-1")).storyOf()).as("a story of one").isEmpty();
            commit(otherProcess, c -> join(c, "paper-1", "Cartel pumps less", story, T0.plusSeconds(3600)));
            StoryReader.Found found = reader.shared(List.of("wire-1"));
            assertThat(found.storyOf()).containsExactly(Map.entry("wire-1", story));
            assertThat(found.reports().get(story)).extracting(Report::articleId).containsExactly("wire-1", "paper-1");
            // a changed article: its headline and time move with its member row
            commit(db, c -> change(c, "wire-1", "Oil output cut (updated)", T0.plusSeconds(7200)));
            assertThat(reader.shared(List.of("paper-1")).reports().get(story))
                    .extracting(Report::title).containsExactly("Cartel pumps less", "Oil output cut (updated)");
        }
    }

    private static long commit(Database on, Database.Work<Long> write) {
        return on.inTransaction(write);
    }

    /** One random write: a new story, a new report of a committed story, or a changed article. */
    private void write(Connection c, Random random, int round, List<String> newIds, List<Long> newStories)
            throws SQLException {
        int kind = random.nextInt(10);
        Instant seen = T0.plusSeconds(random.nextInt(100_000));
        String id = "a" + serial++;
        if (kind < 3 || stories.isEmpty()) {
            newStories.add(start(c, id, "story " + round, seen));
            newIds.add(id);
        } else if (kind < 8) {
            // recent stories more often, so some grow large
            long story = stories.get(Math.max(0, stories.size() - 1 - random.nextInt(Math.min(stories.size(), 12))));
            join(c, id, "report " + round, story, seen);
            newIds.add(id);
        } else {
            change(c, ids.get(random.nextInt(ids.size())), "changed " + round, seen);
        }
    }

    private long start(Connection c, String id, String title, Instant seen) throws SQLException {
        upsert(c, id, title, seen);
        try (StoryStore.Writer w = new StoryStore(db).writer(c)) {
            long story = w.newStory(title, id, seen, seen);
            w.addMember(new Membership(id, story, seen, Membership.How.FIRST, null, 0, 1, false), null, true, seen);
            return story;
        }
    }

    private long join(Connection c, String id, String title, long story, Instant seen) throws SQLException {
        upsert(c, id, title, seen);
        try (StoryStore.Writer w = new StoryStore(db).writer(c)) {
            w.addMember(new Membership(id, story, seen, Membership.How.STORY, null, 0.9, 0.1, false), null, false,
                    seen);
            return story;
        }
    }

    private long change(Connection c, String id, String title, Instant seen) throws SQLException {
        upsert(c, id, title, seen);
        try (StoryStore.Writer w = new StoryStore(db).writer(c)) {
            return w.refresh(id, seen, null);
        }
    }

    private void upsert(Connection c, String id, String title, Instant seen) throws SQLException {
        new ArticleStore(db).upsert(c, new Article(id, "https://example.com/" + id + "/" + title.length(), title,
                "outlet-" + Math.floorMod(title.hashCode(), 7), seen, seen, seen, "Body of " + title + ".",
                "hash-" + id + title, null, Map.of()));
    }

    /** Up to 40 known ids (the bench asks 32 and more), and ids the store never held. */
    private List<String> asked(Random random) {
        List<String> out = new ArrayList<>();
        for (int n = 1 + random.nextInt(40); n > 0 && !ids.isEmpty(); n--) {
            out.add(ids.get(random.nextInt(ids.size())));
        }
        out.add("never-" + random.nextInt(1000));
        return out.stream().distinct().toList();
    }
}
