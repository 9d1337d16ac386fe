package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.stories.Membership;
import dev.newsbrief.stories.StoryOptions;
import dev.newsbrief.stories.StoryReader;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import dev.newsbrief.store.StoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stories at ingest, through the real ingester: rewrites join, copies are duplicates, short texts
 * stand alone. On both store backends.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreBackend.class)
class StoryIngestTest {
    static final Instant T0 = Instant.parse("2025-03-20T08:00:00Z");
    static final String WIRE = "OPEC ministers agreed on Thursday to cut oil output by 1.2 million barrels a day from "
            + "January, the cartel said after a meeting in Vienna, sending crude prices up 4.5 percent as traders bet "
            + "on a tighter market through the winter months.\n\n"
            + "Saudi Arabia will take the largest share of the cut, about 486,000 barrels a day, officials said, "
            + "while Iraq and the United Arab Emirates agreed to smaller reductions.\n\n"
            + "Analysts at Goldman Sachs said the deal would lift Brent towards 90 dollars a barrel by March if the "
            + "group sticks to its quotas, which it has often failed to do in the past.";
    /** Another outlet's version: new headline, reworded, last paragraph dropped, a line of boilerplate. */
    static final String REWRITE = "Sign up for our morning newsletter.\n\n" + WIRE.substring(0, WIRE.lastIndexOf("\n\n"))
            .replace("agreed on Thursday", "decided on Thursday").replace("sending crude prices up", "lifting crude")
            .replace("the largest share", "the biggest part").replace("officials said", "delegates said");

    @Parameter
    StoreBackend backend;

    @TempDir
    Path tmp;

    private Database db;
    private PassageIndex index;
    private ArticleStore store;
    private StoryStore stories;
    private Ingester ingester;

    @BeforeEach
    void open() {
        db = backend.open(tmp, "newsbrief.db");
        index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
        store = new ArticleStore(db);
        stories = new StoryStore(db);
        ingester = newIngester();
    }

    private Ingester newIngester() {
        return new Ingester(store, index, Ingester.Options.DEFAULTS, Clock.fixed(T0.plusSeconds(86400), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private IngestOutcome ingest(String id, String title, String body, String source, Instant published) {
        return ingester.ingest(new ParsedArticle(id, title, body, "https://" + source + ".example/" + id, source,
                published, null), id);
    }

    private long passagesOf(String articleId) {
        return index.withSearcher(s -> (long) s.count(new TermQuery(new Term(PassageFields.ARTICLE_ID, articleId))));
    }

    private Membership member(String id) {
        return stories.membership(id).orElseThrow();
    }

    @Test
    void aRewriteFromAnotherOutletJoinsTheStoryAndIsSearchable() {
        IngestOutcome wire = ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        IngestOutcome paper = ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper",
                T0.plus(Duration.ofHours(3)));
        assertThat(wire.status()).isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(paper.status()).isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(paper.reason()).startsWith("same story as wire-1");
        assertThat(member("paper-1").storyId()).isEqualTo(member("wire-1").storyId());
        assertThat(member("paper-1").how()).isEqualTo(Membership.How.STORY);
        assertThat(member("wire-1").how()).isEqualTo(Membership.How.FIRST);
        assertThat(passagesOf("paper-1")).isPositive();
        assertThat(stories.largest(5)).singleElement().satisfies(s -> {
            assertThat(s.articles()).isEqualTo(2);
            assertThat(s.sources()).containsExactlyInAnyOrder("wire", "paper");
            assertThat(s.title()).isEqualTo("OPEC agrees to cut oil output");
        });
    }

    @Test
    void aCopyCutShortIsADuplicateOfItsStoryAndIsNotIndexed() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        IngestOutcome copy = ingest("copy-1", "OPEC CUT", WIRE.substring(0, WIRE.lastIndexOf("\n\n")), "site",
                T0.plusSeconds(600));
        assertThat(copy.status()).isEqualTo(IngestOutcome.Status.DUPLICATE);
        assertThat(copy.reason()).startsWith("duplicate of wire-1: copy of wire-1");
        assertThat(store.find("copy-1").orElseThrow().duplicateOf()).isEqualTo("wire-1");
        assertThat(member("copy-1").storyId()).isEqualTo(member("wire-1").storyId());
        assertThat(member("copy-1").how()).isEqualTo(Membership.How.COPY);
        assertThat(passagesOf("copy-1")).isZero();
    }

    @Test
    void anotherStoryOnTheSameSubjectStaysApart() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        IngestOutcome other = ingest("wire-2", "Oil slips as U.S. stocks rise", "Oil prices fell 2.3 percent on "
                + "Monday after U.S. crude inventories rose for a third week, government data showed, while "
                + "refiners in Texas reported weaker demand for gasoline and analysts cut their forecasts for the "
                + "quarter to 78 dollars a barrel.", "wire", T0.plus(Duration.ofDays(1)));
        assertThat(other.status()).isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(member("wire-2").storyId()).isNotEqualTo(member("wire-1").storyId());
    }

    @Test
    void aReportPublishedAfterTheTimeWindowStartsAStoryOfItsOwn() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingest("paper-late", "Cartel to pump less oil", REWRITE, "paper",
                T0.plus(StoryOptions.DEFAULTS.window()).plus(Duration.ofHours(1)));
        assertThat(member("paper-late").storyId()).isNotEqualTo(member("wire-1").storyId());
    }

    @Test
    void aReportPublishedJustInsideTheTimeWindowJoins() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingest("paper-in", "Cartel to pump less oil", REWRITE, "paper",
                T0.plus(StoryOptions.DEFAULTS.window()).minus(Duration.ofHours(1)));
        assertThat(member("paper-in").storyId()).isEqualTo(member("wire-1").storyId());
    }

    @Test
    void veryShortArticlesFallBackToExactDuplicatesWithAReasonAndNeverMergeOtherwise() {
        String notice = "Qtly div 20 cts vs 20 cts prior. Pay April 15. Record March 23.";
        IngestOutcome quaker = ingest("q-1", "QUAKER OATS CO <OAT> REGULAR DIVIDEND", notice, "wire", T0);
        assertThat(quaker.reason()).isEqualTo("too short to compare (14 words < 25): only exact duplicates join "
                + "its story");
        assertThat(member("q-1").how()).isEqualTo(Membership.How.SHORT);
        IngestOutcome other = ingest("u-1", "UNIBANCORP INC <UBCP> REGULAR DIVIDEND SET", notice, "wire",
                T0.plusSeconds(3600));
        assertThat(other.status()).as("the same words about another company").isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(member("u-1").storyId()).isNotEqualTo(member("q-1").storyId());
        IngestOutcome resend = ingest("q-2", "QUAKER OATS <OAT> SETS REGULAR DIVIDEND", notice, "site",
                T0.plusSeconds(7200));
        assertThat(resend.status()).isEqualTo(IngestOutcome.Status.DUPLICATE);
        assertThat(resend.reason()).isEqualTo("duplicate of q-1");
        assertThat(member("q-2").storyId()).isEqualTo(member("q-1").storyId());
        IngestOutcome almost = ingest("q-3", "QUAKER OATS CO <OAT> REGULAR DIVIDEND", notice.replace("20 cts vs",
                "21 cts vs"), "site", T0.plusSeconds(9000));
        assertThat(almost.status()).as("short texts are not compared word by word").isEqualTo(IngestOutcome.Status.ADDED);
        assertThat(member("q-3").storyId()).isNotEqualTo(member("q-1").storyId());
    }

    @Test
    void afterARestartStoriesAreFoundFromWhatTheStoreHolds() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingester = newIngester(); // a new process: its band index starts empty and reads the store
        ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper", T0.plus(Duration.ofHours(3)));
        assertThat(member("paper-1").storyId()).isEqualTo(member("wire-1").storyId());
    }

    @Test
    void articlesStoredBeforeStoriesExistedAreAssignedWhenTheIngesterOpens() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper", T0.plus(Duration.ofHours(3)));
        ingest("copy-1", "OPEC CUT", WIRE.substring(0, WIRE.lastIndexOf("\n\n")), "site", T0.plusSeconds(600));
        db.inTransaction(c -> { // as a store from before stories: no memberships at all
            try (var s = c.createStatement()) {
                s.executeUpdate("DELETE FROM story_members");
                s.executeUpdate("DELETE FROM stories");
            }
            return null;
        });
        ingester = newIngester();
        assertThat(member("paper-1").storyId()).isEqualTo(member("wire-1").storyId());
        assertThat(member("copy-1").storyId()).isEqualTo(member("wire-1").storyId());
        assertThat(member("copy-1").how()).isEqualTo(Membership.How.COPY);
        assertThat(stories.counts().stories()).isEqualTo(1);
    }

    @Test
    void aChangedCopyStaysACopyUntilItsTextLeavesItsOriginal() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        String copy = WIRE.substring(0, WIRE.lastIndexOf("\n\n"));
        ingest("copy-1", "OPEC CUT", copy, "site", T0.plusSeconds(600));
        IngestOutcome retitled = ingest("copy-1", "OPEC CUTS OUTPUT", copy, "site", T0.plusSeconds(600));
        assertThat(retitled.status()).isEqualTo(IngestOutcome.Status.UPDATED);
        assertThat(store.find("copy-1").orElseThrow().duplicateOf()).isEqualTo("wire-1");
        assertThat(passagesOf("copy-1")).isZero();

        IngestOutcome rewritten = ingest("copy-1", "OPEC CUTS OUTPUT", copy + "\n\nLater on Friday Russia said it "
                + "would join the cut with 300,000 barrels a day of its own, and Kazakhstan and Mexico pledged smaller "
                + "reductions as Brent futures in London jumped to their highest level in seven months.",
                "site", T0.plusSeconds(600));
        assertThat(rewritten.status()).isEqualTo(IngestOutcome.Status.UPDATED);
        assertThat(store.find("copy-1").orElseThrow().isDuplicate()).isFalse();
        assertThat(passagesOf("copy-1")).isPositive();
        assertThat(member("copy-1").storyId()).isEqualTo(member("wire-1").storyId());
    }

    @Test
    void aChangedArticleKeepsItsStory() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper", T0.plus(Duration.ofHours(3)));
        long story = member("paper-1").storyId();
        IngestOutcome changed = ingest("paper-1", "Cartel to pump less oil from January (updated)",
                REWRITE + "\n\nUpdated with comment from analysts.", "paper", T0.plus(Duration.ofHours(3)));
        assertThat(changed.status()).isEqualTo(IngestOutcome.Status.UPDATED);
        assertThat(member("paper-1").storyId()).isEqualTo(story);
    }

    @Test
    void briefingsReadTheStoryAndEveryReportOfIt() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper", T0.plus(Duration.ofHours(3)));
        ingest("wire-2", "Oil slips as U.S. stocks rise", "Oil prices fell 2.3 percent on Monday after U.S. crude "
                + "inventories rose for a third week, government data showed, while refiners in Texas reported "
                + "weaker demand for gasoline and analysts cut their forecasts for the quarter.", "wire",
                T0.plus(Duration.ofDays(1)));
        try (StoryReader reader = new StoryReader(db)) {
            StoryReader.Found found = reader.shared(List.of("paper-1", "wire-2"));
            long story = member("wire-1").storyId();
            assertThat(found.storyOf()).as("only stories with more than one report").containsOnlyKeys("paper-1")
                    .containsEntry("paper-1", story);
            assertThat(found.reports().get(story)).extracting(r -> r.source())
                    .as("oldest first").containsExactly("wire", "paper");
        }
        assertThat(stories.recent(10)).hasSize(2);
        assertThat(stories.counts().stories()).isEqualTo(2);
        assertThat(stories.largest(5)).singleElement().extracting(s -> s.languages()).isEqualTo(List.of("en"));
        assertThat(stories.recent(10, "en")).hasSize(2);
        assertThat(stories.recent(10, "de")).isEmpty();
        assertThat(stories.largest(5, "de")).isEmpty();
    }

    @Test
    void aReaderThatAlreadyLookedSeesANewReportOfTheStoryAndAChangedHeadline() {
        ingest("wire-1", "OPEC agrees to cut oil output", WIRE, "wire", T0);
        try (StoryReader reader = new StoryReader(db)) {
            assertThat(reader.shared(List.of("wire-1")).storyOf()).as("a story of one report").isEmpty();
            ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper", T0.plus(Duration.ofHours(3)));
            long story = member("wire-1").storyId();
            StoryReader.Found found = reader.shared(List.of("wire-1"));
            assertThat(found.storyOf()).containsEntry("wire-1", story);
            assertThat(found.reports().get(story)).extracting(r -> r.articleId()).containsExactly("wire-1", "paper-1");
            assertThat(ingest("paper-1", "Cartel to pump less oil from January (updated)",
                    REWRITE + "\n\nUpdated with comment from analysts.", "paper", T0.plus(Duration.ofHours(3)))
                    .status()).isEqualTo(IngestOutcome.Status.UPDATED);
            assertThat(reader.shared(List.of("wire-1")).reports().get(story)).extracting(r -> r.title())
                    .containsExactly("OPEC agrees to cut oil output", "Cartel to pump less oil from January (updated)");
        }
    }

    @Test
    void anInstanceSeesStoriesAnotherInstanceStoredAfterItsBandIndexWasLoaded() {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend == StoreBackend.POSTGRESQL,
                "several instances share only a PostgreSQL store");
        // instance one loads the day into its band index with an article of another story
        ingest("wire-2", "Oil slips as U.S. stocks rise", "Oil prices fell 2.3 percent on Monday after U.S. crude "
                + "inventories rose for a third week, government data showed, while refiners in Texas reported "
                + "weaker demand for gasoline and analysts cut their forecasts for the quarter.", "wire", T0);
        Ingester first = ingester;
        try (PassageIndex otherIndex = PassageIndex.openWritable(ByteBuffersDirectory::new,
                PassageIndex.Options.DEFAULTS)) {
            Ingester second = new Ingester(new ArticleStore(db), otherIndex, Ingester.Options.DEFAULTS,
                    Clock.fixed(T0.plusSeconds(86400), ZoneOffset.UTC));
            second.ingest(new ParsedArticle("wire-1", "OPEC agrees to cut oil output", WIRE,
                    "https://wire.example/wire-1", "wire", T0.plusSeconds(60), null), "wire-1");
        }
        ingester = first; // instance one again, its band index loaded before wire-1 existed
        IngestOutcome paper = ingest("paper-1", "Cartel to pump less oil from January", REWRITE, "paper",
                T0.plus(Duration.ofHours(3)));
        assertThat(paper.reason()).startsWith("same story as wire-1");
        assertThat(member("paper-1").storyId()).isEqualTo(member("wire-1").storyId());
    }
}
