package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.ingest.IngestOutcome;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ingest.ParsedArticle;
import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 between two outlets' versions of one story: the first is stored with its story and its
 * alert; after the restart the second joins that story (the band index is read again from
 * SQLite) and the chat gets no second alert.
 */
class StoryCrashIT {
    private static final String STORY = "OPEC ministers agreed on Thursday to cut oil output by 1.2 million barrels "
            + "a day from January, the cartel said after a meeting in Vienna, sending crude prices up 4.5 percent as "
            + "traders bet on a tighter market through the winter months.\n\nSaudi Arabia will take the largest "
            + "share of the cut, about 486,000 barrels a day, officials said, while Iraq and the United Arab "
            + "Emirates agreed to smaller reductions.\n\nAnalysts said the deal would lift Brent towards 90 dollars "
            + "a barrel by March if the group sticks to its quotas.";
    private static final String REWRITE = STORY.substring(0, STORY.lastIndexOf("\n\n"))
            .replace("agreed on Thursday", "decided on Thursday").replace("sending crude prices up", "lifting crude")
            .replace("officials said", "delegates said") + "\n\nReporting by our energy desk.";

    @TempDir
    Path dir;

    @Test
    void aKillBetweenTheTwoCopiesLosesNoMembershipAndSendsNoSecondAlert() throws Exception {
        Path dbFile = dir.resolve("nb.db");
        Path indexDir = dir.resolve("index");
        Instant published = Instant.now().minus(Duration.ofHours(2));
        try (AlertsFixture f = new AlertsFixture(dbFile, AlertsOptions.DEFAULTS, Clock.systemUTC())) {
            f.subscriptions.subscribe(1, "private", "opec");
        }
        Path marker = dir.resolve("stored");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoryCrashChild.class.getName(), dbFile.toString(), indexDir.toString(), marker.toString(), "wire-1",
                "wire", "OPEC agrees to cut oil output", STORY, published.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(marker) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.exists(marker)).as("the child stored the first copy: " + Files.readString(
                dir.resolve("child.log"))).isTrue();
        assertThat(child.isAlive()).isTrue();
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Database db = Database.open(dbFile);
                PassageIndex index = PassageIndex.openWritable(PassageIndex.onDisk(indexDir),
                        PassageIndex.Options.DEFAULTS);
                Alerts alerts = Alerts.open(db, AlertsOptions.DEFAULTS.withInstantWindow(Duration.ZERO),
                        Clock.systemUTC(), Alerts.documentFrequencyIn(index))) {
            StoryStore stories = new StoryStore(db);
            long story = stories.membership("wire-1").orElseThrow().storyId();
            Ingester ingester = new Ingester(new ArticleStore(db), index, Ingester.Options.DEFAULTS, Clock.systemUTC());
            ingester.addListener(alerts.queue()::onNewArticle);
            IngestOutcome second = ingester.ingest(new ParsedArticle("paper-1", "Cartel to pump less oil", REWRITE,
                    "https://paper.example/1", "paper", published.plus(Duration.ofHours(1)), null), "paper-1");
            assertThat(second.status()).isEqualTo(IngestOutcome.Status.ADDED);
            assertThat(stories.membership("paper-1").orElseThrow().storyId()).isEqualTo(story);

            AlertsFixture.RecordingSink sink = new AlertsFixture.RecordingSink();
            alerts.worker(sink).runOnce();
            assertThat(sink.articleIds()).containsExactly("wire-1");
            assertThat(alerts.deliveries().count(null, "pending")).isZero();
        }
    }
}
