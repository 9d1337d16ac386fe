package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One question per answer type over small articles whose first sentence names the subject while
 * the answer sits in the last (fourth) sentence: the briefing must lead with the sentence holding
 * the answer, not with the article's opening.
 */
class AnswerChoiceTest {
    private static PassageIndex index;
    private static BriefingService service;

    @BeforeAll
    static void setUp() {
        index = TestCorpus.index(TestCorpus.articles("/brief/answers.jsonl"));
        service = new BriefingService(index, new NewsAnalyzer(), Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults());
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            person       | Who is the new chief executive of Harbor Shipping?       | Marta Lindqvist  | Harbor Shipping Co said on Monday
            organization | Which company made the takeover bid for Dorian Mills?    | Castlerock Foods | Dorian Mills Inc rejected
            money        | How much did the studio pay for the film rights?         | 3.5 mln dlrs     | Meridian Pictures said
            number       | How many cows will the Valley Dairy co-op add?           | 1,200 cows       | The Valley Dairy cooperative is
            percent      | By how much did Norland retail sales rise?               | 4.2 pct          | Retail sales in Norland climbed
            date         | When is Ana Reyes' last show?                            | December 12      | Pop singer Ana Reyes announced
            place        | Where will Voltra Motors build its battery plant?         | Tampere          | Voltra Motors said it had chosen
            score        | What was the score in the Rovers semi-final?             | 3-1              | Rovers reached the cup final
            thing        | What is the name of Helix Pharma's new migraine drug?    | Cerivo           | Helix Pharma said regulators
            """)
    void leadsWithTheSentenceHoldingTheAnswerNotTheOpening(String type, String question, String answer,
            String opening) {
        Briefing b = service.ask(question);
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(b.lead()).as("lead for %s", question).isNotNull();
        assertThat(b.lead().text()).as("the lead answers %s", question).contains(answer).doesNotStartWith(opening);
        assertThat(b.citations().get(0).articleId()).isEqualTo(type);
    }
}
