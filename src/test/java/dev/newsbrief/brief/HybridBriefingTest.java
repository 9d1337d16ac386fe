package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import dev.newsbrief.index.WordHashEmbedder;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.store.Article;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Briefings with vector search fused in, over a stand-in model that knows a few synonyms. */
class HybridBriefingTest {
    private static PassageIndex index;
    private static VectorIndex vectors;
    private static DenseTestIndex dense;
    private static BriefingService service;

    @BeforeAll
    static void setUp() throws Exception {
        dense = DenseTestIndex.open();
        index = dense.passages();
        vectors = dense.vectors();
        List<Article> articles = TestCorpus.articles();
        articles.forEach(index::index);
        index.index(TestCorpus.article("cars", null, "Car sales rise in March", "wire", TestCorpus.NOW,
                "Sales of cars rose in March, dealers said.\n\nBuyers favoured small cars."));
        dense.commitAndEmbed();
        service = BriefingService.multilingual(index, Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageOptions.DEFAULTS,
                new DenseSearch(new WordHashEmbedder(), vectors, RetrievalOptions.DEFAULTS));
    }

    @AfterAll
    static void tearDown() {
        dense.close();
    }

    @Test
    void anArticleSharingNoWordIsFoundByMeaning() {
        Briefing b = service.ask("automobile");
        assertThat(b.citations()).extracting(Citation::articleId).contains("cars");
        assertThat(service.rankArticles("automobile", 10)).startsWith("cars");
    }

    @Test
    void bothFusionsRankTheMeaningMatchAndKeepTheWordMatches() {
        for (String fusion : List.of("rrf", "linear")) {
            RetrievalOptions o = RetrievalOptions.DEFAULTS;
            o = new RetrievalOptions(true, fusion, 0.5, o.denseCandidates(), o.chunks(), o.chunkChars(),
                    o.embedThreads(), o.sentenceWeight(), o.sentenceCandidates());
            BriefingService fused = BriefingService.multilingual(index, Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                    BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageOptions.DEFAULTS,
                    new DenseSearch(new WordHashEmbedder(), vectors, o));
            assertThat(fused.rankArticles("automobile", 5)).as(fusion).startsWith("cars");
            // "small" is only in the car article; the BM25 match stays first when both sides agree
            assertThat(fused.rankArticles("small cars", 5)).as(fusion).startsWith("cars");
            assertThat(fused.rankArticles("Kim Jong Un Shoigu", 5)).as(fusion).startsWith("kim-shoigu");
        }
    }

    @Test
    void vectorMatchesStillObeyExclusionsPhrasesAndTheDateWindow() {
        assertThat(service.rankArticles("automobile -march", 10)).doesNotContain("cars");
        assertThat(service.rankArticles("automobile \"small trucks\"", 10)).doesNotContain("cars");
        assertThat(service.rankArticles("automobile yesterday", 10)).doesNotContain("cars");
        assertThat(service.rankArticles("automobile today", 10)).contains("cars");
    }

    @Test
    void hostileInputNeverThrows() {
        for (String text : List.of("", "   ", "\uD83D\uDE00\uD83D\uDE00", "?!?", "\"", "-", "-cars",
                "automobile ".repeat(500), "\u0000\u0001 cars", "<b>cars</b> & 'x'", "what did they say?")) {
            assertThatCode(() -> service.ask(text)).as(text).doesNotThrowAnyException();
            assertThatCode(() -> service.rankArticles(text, 10)).as(text).doesNotThrowAnyException();
        }
    }

    @Test
    void anIndexWithoutVectorsAnswersWithBm25() {
        try (VectorIndex empty = VectorIndex.openWritable(ByteBuffersDirectory::new, "test")) {
            BriefingService bm25Only = BriefingService.multilingual(index, Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                    BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageOptions.DEFAULTS,
                    new DenseSearch(new WordHashEmbedder(), empty, RetrievalOptions.DEFAULTS));
            assertThat(bm25Only.ask("automobile").kind()).isEqualTo(Briefing.Kind.NO_RESULTS);
            assertThat(bm25Only.ask("car sales").citations()).extracting(Citation::articleId).contains("cars");
        }
    }
}
