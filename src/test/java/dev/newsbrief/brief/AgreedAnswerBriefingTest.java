package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.index.VectorIndex;
import dev.newsbrief.index.WordHashEmbedder;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four small articles about one port: the best-matching one names a former chairman in its third
 * sentence, the three others the current chairman in their third. With sentences also judged by
 * meaning (dense retrieval on), the answer three articles agree on leads; by shared words alone the
 * first article's sentence does (agreement is not counted there).
 */
class AgreedAnswerBriefingTest {
    private static final String QUESTION = "Who is the chairman of the Dorvale Port Authority?";

    private static PassageIndex index;
    private static VectorIndex vectors;
    private static DenseTestIndex dense;

    @BeforeAll
    static void setUp() throws Exception {
        dense = DenseTestIndex.open();
        index = dense.passages();
        vectors = dense.vectors();
        index.index(TestCorpus.article("terminal", null, "Dorvale Port Authority opens container terminal", "wire",
                TestCorpus.NOW, "The Dorvale Port Authority opened its new container terminal on Monday. "
                        + "The terminal cost 40 mln dlrs and took two years to build. "
                        + "Former Port Authority chairman Piet Oster cut the ribbon at the terminal. "
                        + "Trade unions welcomed the 300 new jobs."));
        index.index(TestCorpus.article("dredging", null, "Dorvale channel dredging approved", "wire",
                TestCorpus.NOW.minusSeconds(3600), "Regional planners approved the dredging of the Dorvale harbour "
                        + "channel. Work is due to start in May. "
                        + "Dorvale Port Authority chairman Lena Marsh said the deeper channel would admit larger ships. "
                        + "Fishermen opposed the plan."));
        index.index(TestCorpus.article("fees", null, "Dorvale harbour fees to rise", "wire",
                TestCorpus.NOW.minusSeconds(7200), "Shipping lines calling at Dorvale will pay higher harbour fees "
                        + "from July. The increase is three pct. "
                        + "The rise will fund the dredging, Dorvale Port Authority chairman Lena Marsh told reporters. "
                        + "The lines said they would pass the cost on."));
        index.index(TestCorpus.article("budget", null, "Dorvale harbour budget balanced", "wire",
                TestCorpus.NOW.minusSeconds(10800), "The Dorvale harbour will balance its budget this year. "
                        + "Cargo income rose by a fifth. "
                        + "Dorvale Port Authority chairman Lena Marsh presented the accounts to the city council. "
                        + "Councillors approved them without debate."));
        dense.commitAndEmbed();
    }

    @AfterAll
    static void tearDown() {
        dense.close();
    }

    private static BriefingService service(DenseSearch dense) {
        return BriefingService.multilingual(index, Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageOptions.DEFAULTS, dense);
    }

    @Test
    void theAnswerThreeArticlesAgreeOnLeadsOverTheFirstArticlesOwn() {
        Briefing b = service(new DenseSearch(new WordHashEmbedder(), vectors, RetrievalOptions.DEFAULTS)).ask(QUESTION);
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(b.lead().text()).contains("Lena Marsh");
    }

    @Test
    void byWordsAloneTheFirstArticlesSentenceLeads() {
        // the same question without meaning: no agreement is counted, and the best word match leads
        Briefing b = service(DenseSearch.off()).ask(QUESTION);
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(b.lead().text()).contains("Piet Oster");
    }
}
