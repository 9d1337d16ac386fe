package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * German questions over small German articles whose answer sits in the fourth sentence, written
 * with another form of the question's word (a compound's head, a compound on the same head,
 * another verb ending) or named as German names a place, while an earlier sentence repeats the
 * question's words exactly and holds no answer. The briefing must lead with the answer.
 */
class GermanAnswerTest {
    private static PassageIndex index;
    private static BriefingService service;

    @BeforeAll
    static void setUp() {
        index = TestCorpus.index(TestCorpus.articles("/brief/answers-de.jsonl").stream()
                .map(a -> a.withLanguage("de")).toList());
        service = new BriefingService(index, new LanguageAnalyzers(), Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageDetector::shared, LanguageOptions.DEFAULTS);
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            compound's head            | Wie hoch war der Sachschaden beim Unfall in Aarau?    | 45'000 Franken     | de-unfall
            compounds on one head      | Wer ist die Frauenministerin?                         | Katharina Berger   | de-ministerin
            verb ending, adjective cue | Wo startet die Alpenfahrt?                            | Kitzbühel          | de-rallye
            a route's ends             | Wo war die A2 gesperrt?                               | Erstfeld und Amsteg | de-sperrung
            """)
    void leadsWithTheSentenceHoldingTheAnswer(String rule, String question, String answer, String article) {
        Briefing b = service.ask(question, "de");
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(b.citations().get(0).articleId()).isEqualTo(article);
        assertThat(b.lead()).as("lead for %s", question).isNotNull();
        assertThat(b.lead().text()).as("%s: the lead answers %s", rule, question).contains(answer);
    }
}
