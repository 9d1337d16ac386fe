package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.store.Article;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A question's function words ("the", "and" in English) are not searched in the other languages
 * of the index, where the analysis keeps them as words: an article of another language (here, as
 * so often, an English one misdetected) then matches on grammar alone.
 */
class OtherLanguageClausesTest {
    private static final String ENGLISH_AS_GERMAN = "The board of the company and the unions met on Monday and "
            + "agreed on the terms of the new wage contract for the steel plants of the group.";
    private PassageIndex index;

    private BriefingService service(List<Article> articles) {
        index = TestCorpus.index(articles);
        return new BriefingService(index, new LanguageAnalyzers(), Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageDetector::shared,
                LanguageOptions.DEFAULTS);
    }

    private static Article article(String id, String title, String body, String language) {
        return TestCorpus.article(id, "https://example.org/" + id, title, "test", TestCorpus.NOW.minusSeconds(3600),
                body).withLanguage(language);
    }

    private static Article coffee() {
        return article("coffee", "Coffee quota talks resume in London",
                "Coffee producers and consumers resumed the quota talks in London on Monday. The talks on "
                        + "export quotas broke down in February.", "en");
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void anotherLanguageMatchingOnlyTheQuestionsFunctionWordsIsNotSearched() {
        BriefingService service = service(List.of(coffee(), article("steel", "Steel wage contract agreed",
                ENGLISH_AS_GERMAN, "de")));
        Briefing b = service.ask("the coffee and the quota talks");
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(b.languages()).containsOnlyKeys("en");
        assertThat(b.citations()).extracting(Citation::articleId).containsExactly("coffee");
    }

    @Test
    void anotherLanguageIsSearchedForTheQuestionsContentWordsOnly() {
        BriefingService service = service(List.of(coffee(), article("steel", "Steel wage contract agreed",
                ENGLISH_AS_GERMAN + " The coffee machines stayed off.", "de")));
        QueryUnderstanding understanding = new QueryUnderstanding(Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC));
        QueryLanguages languages = new QueryLanguages(service.queryBuilder(), LanguageDetector::shared,
                LanguageOptions.DEFAULTS);
        Optional<LanguageQueries> queries = index.withSearcher(s -> languages.analyse(s.getIndexReader(),
                understanding.understand("the coffee and the quota talks"), null));
        assertThat(queries).isPresent();
        assertThat(queries.get().primary().language()).isEqualTo("en");
        LanguageQueries clauses = queries.get().forSearch();
        AnalyzedQuery german = clauses.in("de");
        assertThat(german.language()).isEqualTo("de");
        assertThat(german.terms()).isNotEmpty().doesNotContain("the", "and");
        // the English question keeps every word it typed; its stop words are its analysis's business
        assertThat(clauses.primary()).isEqualTo(queries.get().primary());
        assertThat(queries.get().primary().user().terms()).contains("the", "and");
        // a German article's sentences are still weighed against every word the question's German reading has
        assertThat(queries.get().in("de").terms()).contains("the", "and");
    }
}
