package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.Embedder;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import dev.newsbrief.index.WordHashEmbedder;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An embedding model that reads English only (as all-MiniLM-L6-v2): questions in other languages
 * are answered without it, and articles it cannot read are ranked by their words.
 */
class MonolingualModelTest {
    /** The word-hash stand-in, reading English (and undetermined) text only, counting question embeddings. */
    static final class EnglishOnly implements Embedder {
        final WordHashEmbedder words = new WordHashEmbedder();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public float[] embed(String text) {
            calls.incrementAndGet();
            return words.embed(text);
        }

        @Override
        public boolean reads(String language) {
            return language == null || language.equals("en") || language.equals("und");
        }

        @Override
        public int dimension() {
            return words.dimension();
        }

        @Override
        public String modelId() {
            return "test/english-only";
        }

        @Override
        public void close() {
        }
    }

    private static PassageIndex index;
    private static VectorIndex vectors;
    private static DenseTestIndex dense;
    private static EnglishOnly model;
    private static BriefingService service;

    @BeforeAll
    static void setUp() throws Exception {
        dense = DenseTestIndex.open();
        index = dense.passages();
        vectors = dense.vectors();
        TestCorpus.articles().forEach(index::index);
        index.index(TestCorpus.article("kakuma-de", null, "Streit ums Feuerholz im Lager Kakuma", "wire",
                TestCorpus.NOW, "Im Lager Kakuma in Kenia leben rund 190.000 Flüchtlinge. Das Feuerholz wird knapp, "
                        + "sagte die Sprecherin des Hilfswerks.").withLanguage("de"));
        index.index(TestCorpus.article("camps-en", null, "Camps in Kenya run short of firewood", "wire",
                TestCorpus.NOW, "Camps in Kenya run short of firewood, aid workers said. Many refugees live in "
                        + "camps where wood is scarce.").withLanguage("en"));
        dense.commitAndEmbed();
        model = new EnglishOnly();
        service = BriefingService.multilingual(index, Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageOptions.DEFAULTS,
                new DenseSearch(model, vectors, RetrievalOptions.DEFAULTS));
    }

    @AfterAll
    static void tearDown() {
        dense.close();
    }

    @Test
    void aGermanQuestionIsNeverEmbeddedByAnEnglishModel() {
        int before = model.calls.get();
        Briefing b = service.ask("Wie viele Flüchtlinge leben im Lager Kakuma?", "de");
        assertThat(model.calls.get()).isEqualTo(before);
        assertThat(b.citations()).extracting(Citation::articleId).startsWith("kakuma-de");
        assertThat(b.lead().text()).contains("190.000");
    }

    @Test
    void anEnglishQuestionIsEmbeddedAndStillFindsTheGermanStoryByItsName() {
        int before = model.calls.get();
        assertThat(service.rankArticles("How many refugees live in Kakuma camp?", "en", 5)).contains("kakuma-de");
        assertThat(model.calls.get()).isGreaterThan(before);
    }
}
