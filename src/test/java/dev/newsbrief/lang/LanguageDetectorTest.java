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

    /** Results tables written for these tests, in the layout of wire-service earnings reports. */
    private static final String[] ENGLISH_TABLE = {"NORTHWIND FREIGHT CORP <NWF> 2ND QTR NET",
        "Shr 38 cts vs 31 cts\n\nNet 4.6 mln vs 3.9 mln\n\nRevs 71.2 mln vs 64.8 mln\n\nSix mths\n\n"
            + "Shr 70 cts vs 55 cts\n\nNet 8.4 mln vs 6.9 mln\n\nRevs 139.5 mln vs 121.0 mln"};
    private static final String[] SHORT_ENGLISH_TABLE = {"BAYVIEW MILLS LTD YEAR NET",
        "Shr 1.42 dlrs vs 1.18 dlrs\n\nNet 21.3 mln vs 17.6 mln\n\nRevs 512.4 mln vs 470.9 mln"};
    private static final String[] GERMAN_TABLE = {"Brauhaus Nordwerk AG: Quartalszahlen",
        "Umsatz 412,5 Mio Euro (Vj. 398,1 Mio)\n\nEbit 31,2 Mio Euro (Vj. 27,9 Mio)\n\n"
            + "Nettogewinn 19,8 Mio Euro (Vj. 17,0 Mio)\n\nErgebnis je Aktie 1,04 Euro (Vj. 0,89)"};
    private static final String[] SPANISH_TABLE = {"Textiles del Norte SA: resultados",
        "Ventas 212,4 mln euros (ant. 198,7 mln)\n\nEbitda 41,3 mln euros (ant. 37,2 mln)\n\n"
            + "Beneficio neto 18,9 mln euros (ant. 15,1 mln)\n\nBPA 0,62 euros (ant. 0,49)"};

    @Test
    void anEnglishResultsTableIsNotTakenForAnotherLanguage() {
        // the detector's n-grams read "Shr", "vs", "mln", "dlrs" as Swedish
        for (String[] table : new String[][] {ENGLISH_TABLE, SHORT_ENGLISH_TABLE}) {
            assertThat(detector.ofArticle(table[0], table[1], null)).as(table[0]).isEqualTo(Languages.UNDETERMINED);
            assertThat(detector.ofArticle(table[0], table[1], "en-US")).as(table[0]).isEqualTo("en");
        }
    }

    @Test
    void aResultsTableTakesItsDeclaredLanguageElseUndetermined() {
        assertThat(detector.ofArticle(GERMAN_TABLE[0], GERMAN_TABLE[1], "de-DE")).isEqualTo("de");
        assertThat(detector.ofArticle(GERMAN_TABLE[0], GERMAN_TABLE[1], null)).isEqualTo(Languages.UNDETERMINED);
        assertThat(detector.ofArticle(SPANISH_TABLE[0], SPANISH_TABLE[1], "es")).isEqualTo("es");
        assertThat(detector.ofArticle(SPANISH_TABLE[0], SPANISH_TABLE[1], null)).isEqualTo(Languages.UNDETERMINED);
    }

    @Test
    void aTableWithASentenceOfProseTakesTheProsesLanguage() {
        String note = "\n\nNOTE: The results include a charge for the closing of two stores in the fourth quarter.";
        assertThat(detector.ofArticle(ENGLISH_TABLE[0], ENGLISH_TABLE[1] + note, null)).isEqualTo("en");
    }

    @Test
    void newsProseFullOfNumbersKeepsItsLanguage() {
        assertThat(detector.ofArticle("DAX schließt im Plus", "Der Deutsche Aktienindex ist am Dienstag um 1,2 "
                + "Prozent auf 15.432 Punkte gestiegen. Die Aktie des Chemiekonzerns legte nach den Zahlen für das "
                + "dritte Quartal um 4,5 Prozent zu: Der Umsatz wuchs auf 10,3 Milliarden Euro, nach 9,8 Milliarden "
                + "Euro im Vorjahr, und der Gewinn je Aktie stieg auf 2,14 Euro.", null)).isEqualTo("de");
        assertThat(detector.ofArticle("Inflação desacelera em outubro", "A inflação oficial do país desacelerou "
                + "para 0,24% em outubro, depois de 0,26% em setembro, segundo o IBGE. No acumulado de 12 meses, o "
                + "índice ficou em 4,82%, acima do teto da meta de 4,75% fixada pelo Conselho Monetário Nacional "
                + "para 2023.", null)).isEqualTo("pt");
        assertThat(detector.ofArticle("Bundesliga", "Bayern gewinnt 3:1 in Dortmund. Die Tore für die Gäste "
                + "erzielten Kane in der 12. und 78. Minute sowie Musiala in der 45. Minute.", null)).isEqualTo("de");
    }

    @Test
    void proseIsTheRunsOfOrdinaryWordsBetweenFiguresAndCapitals() {
        String table = ENGLISH_TABLE[0] + "\n\n" + ENGLISH_TABLE[1];
        assertThat(Prose.of(table).letters()).isZero();
        String news = "The company said net profit rose 12 pct to 4.6 mln dlrs in the second quarter, "
                + "helped by higher freight rates on its NORTH ATLANTIC routes.";
        Prose prose = Prose.of(news);
        // "12" and "4.6" are figures, "NORTH ATLANTIC" capitals: "pct to" and "routes." are runs too short
        assertThat(prose.text()).isEqualTo("The company said net profit rose "
                + "mln dlrs in the second quarter, helped by higher freight rates on its ");
        assertThat(prose.letters()).isEqualTo(83);
        // punctuation alone neither breaks a run nor counts; a script without capitals is ordinary words
        assertThat(Prose.of("net - profit & sales of the group rose").letters()).isEqualTo(28);
        assertThat(Prose.of("话剧《约定无期限》6月3日上午在张家口演出，全省各市巡演结束。").letters()).isGreaterThan(20);
    }

    private static LabelledArticles.Labelled byId(String id) {
        return LabelledArticles.all().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
