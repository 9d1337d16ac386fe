package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LabelledArticles;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.store.Article;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Questions in many languages over the labelled multilingual articles, each stored with the
 * language the ingest detector gives it, through the same path as the bot.
 */
class MultilingualSearchTest {
    private static PassageIndex index;
    private static BriefingService service;

    @BeforeAll
    static void indexArticles() {
        LanguageDetector detector = LanguageDetector.shared();
        List<Article> articles = LabelledArticles.all().stream()
                .map(a -> TestCorpus.article(a.id(), "https://example.org/" + a.id(), a.title(), "test",
                        TestCorpus.NOW.minusSeconds(3600), a.body()).withLanguage(detector.ofArticle(a.title(), a.body(), null)))
                .toList();
        index = TestCorpus.index(articles);
        service = new BriefingService(index, new LanguageAnalyzers(), Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), () -> detector, LanguageOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    private static List<String> cited(Briefing b) {
        return b.citations().stream().map(Citation::articleId).toList();
    }

    @Test
    void germanInflectionsMeetThroughGermanStemming() {
        // "Erweiterungen" never met "Erweiterung" under Porter stemming
        Briefing b = service.ask("Microsoft Erweiterungen veröffentlicht", "de");
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(cited(b).get(0)).isEqualTo("de-cordova");
        assertThat(b.citations().get(0).language()).isEqualTo("de");
        assertThat(b.languages()).containsKey("de");
        assertThat(b.languages().get("de")).isEqualTo(1f);
    }

    @Test
    void aGoodGermanQueryIsNotCorrectedIntoSomethingElse() {
        Briefing b = service.ask("Sortierung von Dateien", "de");
        assertThat(b.correctedQuery()).isNull();
        assertThat(cited(b)).first().isEqualTo("de-powershell");
    }

    @Test
    void aMisspelledWordIsCorrectedFromItsOwnLanguagesWords() {
        Briefing b = service.ask("ballistsche Rakete", "de");
        assertThat(b.correctedQuery()).contains("ballistische");
        assertThat(cited(b)).first().isEqualTo("de-nordkorea");
    }

    @Test
    void eachLanguageFindsItsOwnArticles() {
        assertThat(cited(service.ask("quem ganhou o segundo turno Ibope", "pt"))).first().isEqualTo("pt-ibope");
        assertThat(cited(service.ask("precio de los combustibles en Guatemala", "es"))).first()
                .isEqualTo("es-combustibles");
        assertThat(cited(service.ask("Подольски сборная", "ru"))).first().isEqualTo("ru-podolski");
        assertThat(cited(service.ask("цены на нефть", null))).first().isEqualTo("ru-neft");
        assertThat(cited(service.ask("الثورة السودانية", "ar"))).first().isEqualTo("ar-sudan");
        assertThat(cited(service.ask("武汉疫情", "zh"))).first().isEqualTo("zh-wuhan");
        assertThat(cited(service.ask("体罰を禁止する法律", "ja"))).first().isEqualTo("ja-law");
        assertThat(cited(service.ask("réforme des retraites syndicats", null))).first().isEqualTo("fr-retraites");
    }

    @Test
    void anEnglishQuestionStillFindsAGermanOnlyStoryByItsNames() {
        Briefing b = service.ask("WildFly 10 Red Hat release", "en");
        assertThat(cited(b)).first().isEqualTo("de-wildfly");
        assertThat(b.languages().get("en")).isEqualTo(1f);
        assertThat(b.languages().get("de")).isLessThan(1f);
    }

    @Test
    void theQuestionsLanguageRanksItsArticlesFirstOnASharedStory() {
        assertThat(cited(service.ask("Nordkorea Rakete Japan", "de"))).first().isEqualTo("de-nordkorea");
        assertThat(cited(service.ask("North Korea missile Japan", "en"))).first().isEqualTo("en-korea");
    }

    @Test
    void mixedScriptAndRightToLeftQuestionsNeverThrow() {
        for (String q : new String[] {"Putin Путин 普京 بوتين", "\u202Eأسعار النفط\u202C OPEC", "שלום עולם",
                "Nordkorea 北朝鮮 Северная Корея", "💥🚀", "\u200F\u200E", "ar\u0627b\u05D0c", "-\"\"", "\"Путин"}) {
            assertThatCode(() -> service.ask(q, "he")).as(q).doesNotThrowAnyException();
            assertThatCode(() -> service.latest(q, 3)).as(q).doesNotThrowAnyException();
        }
    }
}
