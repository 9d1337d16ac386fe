package dev.newsbrief.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private final LanguageDetector detector = LanguageDetector.shared();

    @Test
    void labelledArticlesOverTwoHundredCharactersAreDetectedAtLeast95PercentRight() {
        List<LabelledArticles.Labelled> articles = LabelledArticles.all();
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        for (LabelledArticles.Labelled a : articles) {
            if (a.title().length() + a.body().length() <= 200) {
                continue;
            }
            judged++;
            String found = detector.ofArticle(a.title(), a.body(), null);
            if (!found.equals(a.language())) {
                wrong.add(a.id() + " -> " + found);
            }
        }
        assertThat(judged).isGreaterThanOrEqualTo(25);
        assertThat((judged - wrong.size()) / (double) judged).as("wrong: %s", wrong).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aDeclaredLanguageTheTextContradictsIsOverruled() {
        LabelledArticles.Labelled german = byId("de-nordkorea");
        assertThat(detector.ofArticle(german.title(), german.body(), "en-US")).isEqualTo("de");
    }

    @Test
    void aDeclaredLanguageDecidesWhenTheTextIsTooShortOrAgreesWithIt() {
        assertThat(detector.ofArticle("Ibope", "Haddad 28%", "pt-BR")).isEqualTo("pt");
        assertThat(detector.ofArticle("Ibope", "Haddad 28%", null)).isEqualTo(Languages.UNDETERMINED);
        assertThat(detector.ofArticle("", "", "x-klingon")).isEqualTo(Languages.UNDETERMINED);
        LabelledArticles.Labelled pt = byId("pt-ibope");
        assertThat(detector.ofArticle(pt.title(), pt.body(), "pt_BR")).isEqualTo("pt");
    }

    @Test
    void declaredTagsAreReducedToTheCodesStored() {
        assertThat(Languages.fromTag("de-DE")).isEqualTo("de");
        assertThat(Languages.fromTag(" pt_BR ")).isEqualTo("pt");
        assertThat(Languages.fromTag("nb")).isEqualTo("no");
        assertThat(Languages.fromTag("iw")).isEqualTo("he");
        assertThat(Languages.fromTag("zh-Hant-TW")).isEqualTo("zh");
        assertThat(Languages.fromTag("")).isNull();
        assertThat(Languages.fromTag("mul")).isNull();
        assertThat(Languages.fromTag(null)).isNull();
    }

    @Test
    void theUsersLanguageTipsAnAmbiguousShortQuery() {
        LanguageWeights withoutPrior = detector.ofQuery("Nordkorea Raketentest", null);
        LanguageWeights withPrior = detector.ofQuery("Nordkorea Raketentest", "de");
        assertThat(withPrior.likeliest()).isEqualTo("de");
        assertThat(withPrior.weights().get("de")).isEqualTo(1.0);
        assertThat(withoutPrior.weights().getOrDefault("de", 0.0)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void aWholeSentenceOutweighsTheUsersLanguage() {
        LanguageWeights w = detector.ofQuery("What did the prime minister of Japan say about the missile launch?", "de");
        assertThat(w.likeliest()).isEqualTo("en");
    }

    @Test
    void weightsOverThePresentLanguagesKeepAFloorAndScaleTheLikeliestToOne() {
        LanguageWeights w = LanguageWeights.of(java.util.Map.of("de", 0.8, "nl", 0.2));
        LanguageWeights over = w.over(List.of("en", "de"), 0.3);
        assertThat(over.weights()).containsExactly(java.util.Map.entry("de", 1.0), java.util.Map.entry("en", 0.3));
        assertThat(w.over(List.of("en"), 0.3).weights()).containsExactly(java.util.Map.entry("en", 1.0));
    }

    @Test
    void noTextMixedScriptsAndRightToLeftTextNeverThrow() {
        for (String text : new String[] {null, "", "   ", "🙂🙂", "!!!", "Путин Putin 普京", "من فاز في الانتخابات؟",
                "\u202Eabc\u202C", "שלום world", "x".repeat(10_000)}) {
            detector.ofQuery(text, "ar");
            detector.ofArticle(text, text, null);
            detector.guesses(text);
        }
    }

    @Test
    void plainEnglishIsRecognisedByItsFunctionWordsAndNoOtherLabelledLanguageIs() {
        assertThat(LanguageDetector.plainlyEnglish("The company said that net profit for the year rose by 12 pct, "
                + "which was more than analysts had expected from the results of the first half of the year.")).isTrue();
        assertThat(LanguageDetector.plainlyEnglish("The company said that profit rose.")).as("too few words").isFalse();
        List<String> claimed = new ArrayList<>();
        for (LabelledArticles.Labelled a : LabelledArticles.all()) {
            String sample = LanguageDetector.articleSample(a.title() + "\n\n" + a.body());
            if (!a.language().equals(Languages.ENGLISH) && LanguageDetector.plainlyEnglish(sample)) {
                claimed.add(a.id());
            }
        }
        assertThat(claimed).as("non-English articles taken for plain English").isEmpty();
    }

    @Test
    void theSampleIsCutAtAWordBoundary() {
        String text = "word ".repeat(1000);
        String sample = LanguageDetector.articleSample(text);
        assertThat(sample.length()).isLessThanOrEqualTo(LanguageDetector.ARTICLE_SAMPLE_CHARS);
        assertThat(sample).endsWith("word");
        String unbroken = "x".repeat(5000);
        assertThat(LanguageDetector.articleSample(unbroken)).hasSize(LanguageDetector.ARTICLE_SAMPLE_CHARS);
        assertThat(LanguageDetector.articleSample("short text")).isEqualTo("short text");
    }

    private static LabelledArticles.Labelled byId(String id) {
        return LabelledArticles.all().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
