package dev.newsbrief.stories;

import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreException;
import dev.newsbrief.store.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every stored article into a story at ingest, in the article's own transaction: exact
 * duplicates and copies join their original's story, texts too short to compare stand alone, and
 * any other article is compared with its LSH candidates ({@link MinHash}, {@link BandIndex})
 * within the time window and joins the story of the best one that {@link StoryMatcher} confirms,
 * or starts a story. Articles stored before stories existed are assigned when it opens.
 *
 * <p>Use: one {@link Session} per write transaction; {@link Session#place} before storing the
 * article, {@link Session#record} after, {@link Session#indexed} once its savepoint is released,
 * and {@link Session#rolledBack} if the transaction does not commit. Not thread-safe: the
 * ingester's single writer drives it.
 */
public final class StoryClusterer {
    private static final Logger log = LoggerFactory.getLogger(StoryClusterer.class);
    /** Most candidates checked exactly per article, best (most shared bands) first. */
    static final int MAX_CANDIDATES = 24;
    /**
     * Days of the band index kept in memory: the window either side of today (a live feed), with
     * room to spare; a query needing more days loads them all the same.
     */
    static final int MAX_DAYS = 8;
    /** Recent texts kept worked out, so the articles a newcomer is compared with are rarely re-read. */
    private static final int TEXT_CACHE = 512;

    private final StoryStore store;
    private final StoryOptions options;
    private final StoryMatcher matcher;
    private final BandIndex bands = new BandIndex(MAX_DAYS);
    private final Map<String, StoryText> texts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoryText> eldest) {
            return size() > TEXT_CACHE;
        }
    };

    public StoryClusterer(StoryStore store, StoryOptions options) {
        this.store = store;
        this.options = options;
        this.matcher = new StoryMatcher(options);
    }

    public StoryOptions options() {
        return options;
    }

    /**
     * On a store several instances share: the newest story member this instance's band index and
     * text cache are up to date with, or -1 before the first session.
     */
    private long knownSeq = -1;

    /**
     * A session on the write transaction {@code c}. On a store several instances share
     * (PostgreSQL) it first takes the story writers' lock for the rest of the transaction and
     * brings the band index up to date with what other instances stored since this one last
     * looked (their new and changed members, in order), so an article is compared with every
     * committed one whichever instance stored it.
     */
    public Session session(Connection c) throws SQLException {
        StoryStore.Writer writer = store.writer(c);
        try {
            OptionalLong newest = writer.lockShared();
            if (newest.isPresent() && newest.getAsLong() != knownSeq) {
                if (knownSeq < 0 || newest.getAsLong() < knownSeq) {
                    bands.clear(); // first look, or a transaction of ours did not commit after all
                    texts.clear();
                } else {
                    writer.changedSince(knownSeq, e -> {
                        texts.remove(e.articleId());
                        if (e.keys() == null) {
                            bands.remove(e.articleId());
                        } else {
                            bands.add(e);
                        }
                    });
                }
                knownSeq = newest.getAsLong();
            }
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
        return new Session(writer);
    }

    /**
     * Assigns a story to every stored article that has none (a database from before stories),
     * originals first and oldest first, in transactions of {@code batch} articles.
     *
     * @return how many articles were assigned
     */
    public int assignUnassigned(Database db, Clock clock, int batch) {
        List<String> ids = store.unassigned();
        if (ids.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        log.info("assigning stories to {} stored articles", ids.size());
        for (int from = 0; from < ids.size(); from += batch) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + batch));
            try (WriteTransaction tx = db.begin(); Session s = session(tx.connection())) {
                for (String id : chunk) {
                    s.assignStored(id, clock.instant());
                }
                tx.commit();
            } catch (SQLException e) {
                throw new StoreException("assigning stories to stored articles: " + e.getMessage(), e);
            }
        }
        log.info("assigned stories to {} stored articles in {} ms", ids.size(),
                (System.nanoTime() - started) / 1_000_000);
        return ids.size();
    }

    /** The story work of one write transaction. */
    public final class Session implements AutoCloseable {
        private final StoryStore.Writer writer;
        private final Set<Long> touched = new HashSet<>();
        private final Set<Long> refreshedDays = new HashSet<>();
        private final List<String> changedTexts = new ArrayList<>();
        private BandIndex.Entry pending;
        private StoryText pendingText;

        /** {@link #knownSeq} when the transaction began, and before the current article. */
        private final long seqAtStart;
        private long seqBeforeArticle;

        private Session(StoryStore.Writer writer) {
            this.writer = writer;
            this.seqAtStart = knownSeq;
            this.seqBeforeArticle = knownSeq;
        }

        /** This transaction wrote the member {@code seq}: under the lock, nobody else wrote since. */
        private void seen(long seq) {
            if (knownSeq >= 0 && seq > knownSeq) {
                knownSeq = seq;
            }
        }

        /**
         * Whether an article with this text, seen at {@code seenAt}, is the same story as a stored
         * article with the very same normalised text: seen within the window, and for texts too
         * short to compare, under a headline that agrees.
         */
        public boolean sameStoryWordForWord(Instant seenAt, StoryText text, Instant otherSeenAt, String otherTitle) {
            if (Math.abs(seenAt.toEpochMilli() - otherSeenAt.toEpochMilli()) > options.window().toMillis()) {
                return false;
            }
            return text.wordCount() >= options.minWords() || StoryMatcher.headlinesAgree(text.titleWords(),
                    StoryText.of(otherTitle, "").titleWords());
        }

        /**
         * Where a new original article with this text, seen at {@code seenAt}, belongs. Reads only.
         */
        public Placement place(String articleId, Instant seenAt, StoryText text) throws SQLException {
            if (text.wordCount() < options.minWords()) {
                return new Placement(Membership.How.SHORT, 0, null, 0, 1, false, null, "too short to compare ("
                        + text.wordCount() + " words < " + options.minWords() + "): only exact duplicates join its story");
            }
            int[] signature = MinHash.signature(text);
            long t = seenAt.toEpochMilli();
            long window = options.window().toMillis();
            bands.ensureLoaded(StoryStore.day(seenAt.minusMillis(window)), StoryStore.day(seenAt.plusMillis(window)),
                    writer::bandKeys);
            List<BandIndex.Candidate> candidates = bands.candidates(articleId, MinHash.bandKeys(signature), t, window);
            BandIndex.Candidate best = null;
            StoryMatcher.Verdict bestVerdict = null;
            Map<Long, List<StoryText>> confirmed = new LinkedHashMap<>();
            for (BandIndex.Candidate c : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
                Optional<StoryText> stored = storedText(c.articleId());
                if (stored.isEmpty()) {
                    continue;
                }
                StoryMatcher.Verdict v = matcher.compare(text, stored.get());
                if (v.same()) {
                    confirmed.computeIfAbsent(c.storyId(), k -> new ArrayList<>()).add(stored.get());
                    if (bestVerdict == null || v.containment() > bestVerdict.containment()) {
                        best = c;
                        bestVerdict = v;
                    }
                }
            }
            if (best == null) {
                return new Placement(Membership.How.FIRST, 0, null, 0, 1, false, signature, null);
            }
            StoryMatcher.Novelty novelty = StoryMatcher.novelty(text, confirmed.get(best.storyId()));
            if (bestVerdict.freshInStored() >= options.duplicateContainment()) {
                return new Placement(Membership.How.COPY, best.storyId(), best.articleId(), bestVerdict.containment(),
                        novelty.share(), false, signature, "copy of " + best.articleId() + " ("
                        + percent(bestVerdict.freshInStored()) + " of its text is there)");
            }
            boolean update = matcher.isUpdate(novelty);
            return new Placement(Membership.How.STORY, best.storyId(), best.articleId(), bestVerdict.containment(),
                    novelty.share(), update, signature, (update ? "update of story " : "same story as ")
                    + best.articleId() + " (containment " + percent(bestVerdict.containment()) + ")");
        }

        /** Records the placement of the stored article {@code articleId} with {@code text} and returns its membership. */
        public Membership record(String articleId, String title, Instant seenAt, StoryText text, Placement p,
                Instant now) throws SQLException {
            boolean starts = p.storyId() == 0;
            long storyId = starts ? writer.newStory(title, articleId, seenAt, now) : p.storyId();
            Membership m = new Membership(articleId, storyId, seenAt, p.how(), p.matched(), p.containment(),
                    p.newShare(), p.update());
            boolean indexed = !p.isCopy() && p.signature() != null;
            int[] keys = indexed ? MinHash.bandKeys(p.signature()) : null;
            seen(writer.addMember(m, keys, starts, now));
            pending = indexed ? new BandIndex.Entry(articleId, storyId, seenAt.toEpochMilli(), keys) : null;
            pendingText = indexed ? text : null;
            return m;
        }

        /** Records the stored duplicate {@code articleId} in the story of {@code originalId}. */
        public Membership recordDuplicate(String articleId, String title, Instant seenAt, String originalId,
                Membership.How how, Instant now) throws SQLException {
            Optional<Membership> original = writer.membership(originalId);
            boolean starts = original.isEmpty(); // an original with no story (never, once assigned): one of its own
            long storyId = starts ? writer.newStory(title, articleId, seenAt, now) : original.get().storyId();
            Membership m = new Membership(articleId, storyId, seenAt, how, originalId, 1, 0, false);
            seen(writer.addMember(m, null, starts, now));
            pending = null;
            return m;
        }

        /** Whether a text still lies inside the stored original {@code originalId} enough to be its copy. */
        public boolean stillCopyOf(String originalId, StoryText text) throws SQLException {
            Optional<StoryText> original = storedText(originalId);
            return original.isPresent() && text.containedIn(original.get()) >= options.duplicateContainment();
        }

        /** A stored article whose text changed keeps its story; its time and signature follow the new text. */
        public void refresh(String articleId, String title, Instant seenAt, StoryText text, boolean original,
                Instant now) throws SQLException {
            Optional<Membership> m = writer.membership(articleId);
            if (m.isEmpty()) {
                record(articleId, title, seenAt, text, place(articleId, seenAt, text), now);
                return;
            }
            int[] keys = original && text.wordCount() >= options.minWords()
                    ? MinHash.bandKeys(MinHash.signature(text)) : null;
            seen(writer.refresh(articleId, seenAt, keys));
            changedTexts.add(articleId);
            refreshedDays.add(StoryStore.day(m.get().seenAt()));
            refreshedDays.add(StoryStore.day(seenAt));
            pending = null;
        }

        /** The article's savepoint was released: later articles of this transaction may match it. */
        public void indexed() {
            seqBeforeArticle = knownSeq;
            for (String id : changedTexts) {
                texts.remove(id);
            }
            changedTexts.clear();
            bands.invalidate(refreshedDays);
            touched.addAll(refreshedDays);
            refreshedDays.clear();
            if (pending != null) {
                bands.add(pending);
                touched.add(StoryStore.day(Instant.ofEpochMilli(pending.seenAt())));
                texts.put(pending.articleId(), pendingText); // later reports of its story compare with it
                pending = null;
                pendingText = null;
            }
        }

        /** The article's savepoint was rolled back: forget what {@link #record} prepared. */
        public void discarded() {
            knownSeq = seqBeforeArticle;
            pending = null;
            pendingText = null;
            changedTexts.clear();
            refreshedDays.clear();
        }

        /** The transaction did not commit: the days it added to are read again from SQLite when needed. */
        public void rolledBack() {
            knownSeq = seqAtStart;
            bands.invalidate(touched);
            touched.clear();
            texts.clear(); // some were of articles that never committed
            pending = null;
            pendingText = null;
        }

        /** Reads and works out the stored article {@code id} (an original), or empty. */
        private Optional<StoryText> storedText(String id) throws SQLException {
            StoryText cached = texts.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
            Optional<StoredArticle> row = writer.article(id);
            if (row.isEmpty() || row.get().duplicateOf() != null) {
                return Optional.empty();
            }
            StoryText t = StoryText.of(row.get().title(), row.get().body());
            texts.put(id, t);
            return Optional.of(t);
        }

        /** Assigns a story to the stored article {@code id} that has none (see {@link #assignUnassigned}). */
        private void assignStored(String id, Instant now) throws SQLException {
            Optional<StoredArticle> a = writer.article(id);
            if (a.isEmpty()) {
                return;
            }
            StoredArticle article = a.get();
            if (article.duplicateOf() != null) {
                recordDuplicate(id, article.title(), article.seenAt(), article.duplicateOf(),
                        article.sameTextAsOriginal() ? Membership.How.EXACT : Membership.How.COPY, now);
            } else {
                StoryText text = StoryText.of(article.title(), article.body());
                record(id, article.title(), article.seenAt(), text, place(id, article.seenAt(), text), now);
            }
            indexed();
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }
}
