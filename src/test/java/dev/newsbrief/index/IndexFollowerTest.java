package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.ChangeLog;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreBackend;
import dev.newsbrief.store.WriteTransaction;
import java.nio.file.Path;
import dev.newsbrief.alerts.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two instances' indexes following one PostgreSQL store through the change log. */
class IndexFollowerTest {
    @TempDir
    Path dir;

    private static Article article(String id, String body) {
        Instant t = Instant.parse("2025-03-22T10:00:00Z");
        return new Article(id, null, "Title " + id, "Wire", t, t, t, body, "hash-" + id + body.hashCode(),
                null, Map.of());
    }

    private static void store(Database db, Article a) {
        ArticleStore articles = new ArticleStore(db);
        db.inTransaction(c -> {
            articles.upsert(c, a);
            return null;
        });
    }

    /** Which of the test's articles the index holds passages of. */
    private static List<String> ids(PassageIndex index) {
        List<String> all = List.of("a1", "a2", "a3");
        List<String> missing = index.missing(all);
        return all.stream().filter(id -> !missing.contains(id)).toList();
    }

    @Test
    void aLowerTransactionCommittingLaterIsAppliedNotSkipped() throws Exception {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "f.db");
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("index")),
                        PassageIndex.Options.DEFAULTS)) {
            IndexFollower follower = new IndexFollower(new ChangeLog(db), new ArticleStore(db), index);
            follower.applyOnce(); // no position yet: rebuilds the (empty) index and records one
            assertThat(follower.position()).isPresent();

            ArticleStore articles = new ArticleStore(db);
            WriteTransaction early = db.begin(); // draws the lower transaction id, commits last
            try (ArticleStore.Writer w = articles.writer(early.connection())) {
                w.upsert(article("a1", "Cocoa harvest falls in the Ivory Coast."));
            }
            store(db, article("a2", "Opec agrees to cut crude output."));
            follower.applyOnce();
            assertThat(ids(index)).as("a2 waits behind the open transaction; nothing is lost").doesNotContain("a1");
            assertThat(follower.lag().changes()).isPositive();

            early.commit();
            follower.applyOnce();
            assertThat(ids(index)).containsExactlyInAnyOrder("a1", "a2");
            assertThat(follower.lag().changes()).isZero();

            // a changed article is re-read, a duplicate leaves the index
            store(db, article("a2", "Opec agrees to cut crude output again.").asDuplicateOf("a1"));
            store(db, article("a3", "Gold steadies as the dollar eases."));
            assertThat(follower.applyOnce()).isEqualTo(2);
            assertThat(ids(index)).containsExactlyInAnyOrder("a1", "a3");
        }
        // the position was committed with the changes: a restart has nothing left to apply
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "f.db");
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("index")),
                        PassageIndex.Options.DEFAULTS)) {
            IndexFollower follower = new IndexFollower(new ChangeLog(db), new ArticleStore(db), index);
            assertThat(follower.position()).isPresent();
            assertThat(follower.lag().changes()).isZero();
            assertThat(follower.applyOnce()).isZero();
            assertThat(ids(index)).containsExactlyInAnyOrder("a1", "a3");
        }
    }

    @Test
    void aSecondInstanceWithoutAPositionRebuildsThenFollows() {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "g.db");
                PassageIndex first = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("one")),
                        PassageIndex.Options.DEFAULTS);
                PassageIndex second = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("two")),
                        PassageIndex.Options.DEFAULTS)) {
            store(db, article("a1", "Cocoa harvest falls in the Ivory Coast."));
            new IndexFollower(new ChangeLog(db), new ArticleStore(db), first).applyOnce();
            IndexFollower follower = new IndexFollower(new ChangeLog(db), new ArticleStore(db), second);
            follower.applyOnce();
            assertThat(ids(second)).containsExactly("a1");
            store(db, article("a3", "Gold steadies as the dollar eases."));
            follower.applyOnce();
            assertThat(ids(second)).containsExactlyInAnyOrder("a1", "a3");
            assertThat(ids(first)).containsExactly("a1");
        }
    }

    @Test
    void anArticleThisInstanceIndexedItselfIsNotIndexedAgainButAnotherInstancesEditIs() {
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "h.db");
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("own")),
                        PassageIndex.Options.DEFAULTS)) {
            IndexFollower follower = new IndexFollower(new ChangeLog(db), new ArticleStore(db), index);
            follower.applyOnce();
            // this instance's ingest: the store row, then its own index
            Article own = article("a1", "Cocoa harvest falls in the Ivory Coast.");
            store(db, own);
            index.index(own);
            // another instance's ingest: the store row only
            store(db, article("a3", "Gold steadies as the dollar eases."));
            assertThat(follower.applyOnce()).as("only the other instance's article is indexed").isEqualTo(1);
            assertThat(ids(index)).containsExactlyInAnyOrder("a1", "a3");
            assertThat(index.holds(own)).isTrue();

            // another instance edits a1: the index holds an older version, so it is indexed again
            Article edited = article("a1", "Cocoa harvest recovers in the Ivory Coast.");
            store(db, edited);
            assertThat(follower.applyOnce()).isEqualTo(1);
            assertThat(index.holds(edited)).isTrue();
            assertThat(index.holds(own)).isFalse();
            assertThat(follower.lag().changes()).isZero();
        }
    }

    @Test
    void changesEveryIndexHasAppliedArePrunedAndAnIndexGoneForTheRetentionRebuildsOnReturn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (Database db = StoreBackend.POSTGRESQL.open(dir, "p.db");
                PassageIndex one = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("p1")),
                        PassageIndex.Options.DEFAULTS);
                PassageIndex two = PassageIndex.openWritable(PassageIndex.onDisk(dir.resolve("p2")),
                        PassageIndex.Options.DEFAULTS)) {
            ChangeLog log = new ChangeLog(db);
            IndexFollower first = new IndexFollower(log, new ArticleStore(db), one, clock);
            IndexFollower second = new IndexFollower(log, new ArticleStore(db), two, clock);
            first.applyOnce();
            second.applyOnce();
            store(db, article("a1", "Cocoa harvest falls in the Ivory Coast."));
            store(db, article("a2", "Opec agrees to cut crude output."));
            assertThat(log.size()).isEqualTo(2);

            clock.advance(Duration.ofMinutes(2));
            first.applyOnce();
            assertThat(log.size()).as("the second index has not applied them yet").isEqualTo(2);
            clock.advance(Duration.ofMinutes(2));
            second.applyOnce();
            assertThat(log.size()).as("the first recorded them applied before; the second now has").isZero();
            assertThat(ids(one)).containsExactlyInAnyOrder("a1", "a2");
            assertThat(ids(two)).containsExactlyInAnyOrder("a1", "a2");

            // the second instance stops; past the retention it no longer holds pruning back
            store(db, article("a3", "Gold steadies as the dollar eases."));
            clock.advance(ChangeLog.RETENTION.plusHours(1));
            first.applyOnce();
            assertThat(log.size()).isZero();
            assertThat(ids(one)).containsExactlyInAnyOrder("a1", "a2", "a3");
            assertThat(log.prunedBelow()).isGreaterThan(second.position().orElseThrow());
            second.applyOnce(); // back: what it missed is gone from the log, so it rebuilds
            assertThat(ids(two)).containsExactlyInAnyOrder("a1", "a2", "a3");
            assertThat(second.position().orElseThrow()).isGreaterThanOrEqualTo(log.prunedBelow());
        }
    }
}
