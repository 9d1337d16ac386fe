package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What of a candidate sentence is embedded to compare it with the question. */
class MeaningTextTest {
    private static final SearchQueryBuilder ANALYSIS = new SearchQueryBuilder(new dev.newsbrief.index.NewsAnalyzer(),
            RankingOptions.defaults(), java.time.Clock.systemUTC());

    private static Candidate candidate(String text) {
        List<SentenceTerms.Token> tokens = SentenceTerms.tokens(ANALYSIS, text);
        Set<String> terms = new LinkedHashSet<>();
        tokens.forEach(t -> terms.add(t.term()));
        return new Candidate(null, 0, 0, 1, text, tokens, terms, 1, 0);
    }

    @Test
    void aShortSentenceIsEmbeddedWhole() {
        String s = "The studio paid 2.3 mln dlrs for the film rights.";
        assertThat(MeaningJudge.meaningText(candidate(s), Set.of("studio"))).isEqualTo(s);
    }

    @Test
    void aLongSentenceIsCutToItsStartWhenTheQuestionsWordsComeEarly() {
        String s = "The studio paid 2.3 mln dlrs for the film rights, a spokesman for the company said on "
                + "Tuesday, adding that shooting would begin in the spring in Toronto and Vancouver and that "
                + "the cast had not yet been chosen.";
        String shown = MeaningJudge.meaningText(candidate(s), Set.of("studio"));
        assertThat(shown.length()).isLessThanOrEqualTo(MeaningJudge.MEANING_CHARS);
        assertThat(shown).startsWith("The studio paid").doesNotContain("\u2026");
    }

    @Test
    void aLongSentenceKeepsTheQuestionsFirstWordWhenItComesLate() {
        String s = "Shooting would begin in the spring in Toronto and Vancouver and the cast had not yet been "
                + "chosen, a spokesman for the company said on Tuesday, after the studio paid 2.3 mln dlrs for "
                + "the film rights.";
        String shown = MeaningJudge.meaningText(candidate(s), Set.of("studio"));
        assertThat(shown.length()).isLessThanOrEqualTo(MeaningJudge.MEANING_CHARS);
        assertThat(shown).contains("studio paid");
    }
}
