package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionClassifierTest {
    private final QuestionClassifier classifier = new QuestionClassifier();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Who is the chief U.S. arms control negotiator?                  | PERSON
            who beat him in the first round?                                | PERSON
            Which newspaper said OPEC's credibility is at stake?           | ORGANIZATION
            Which companies are allied with Ericsson in the bid?           | ORGANIZATION
            Which newspaper interviewed French Foreign Minister Raimond?   | ORGANIZATION
            Which congressman criticised the oil depletion allowance?      | PERSON
            How much did the studio pay for the film rights?               | MONEY
            What price per share is Brierley bidding for Progressive?      | MONEY
            What were Ferro's second quarter sales a year ago?             | MONEY
            how much did rowntrees north amercian profit slip to           | MONEY
            How many shares did Rainbow buy?                               | NUMBER
            how much ore does the greens creek deposit contian             | NUMBER
            What is the minimum number of BankEast shares per share?       | NUMBER
            How long is the All American Pipeline?                         | NUMBER
            What stake in Symbion does Warburg Pincus hold now?            | PERCENT
            What share of Americans approved of Reagan's handling?         | PERCENT
            By how much did retail sales rise?                             | PERCENT
            When do subscriptions close for the bonds?                     | DATE
            until when are rate increases barred                           | DATE
            ewing bank platform installation when                          | DATE
            Where is the Greens Creek ore body?                            | PLACE
            Which GCC state has had difficulty selling its quota?          | PLACE
            Where did May Comex copper settle?                             | MONEY
            what was the senate vote on the corn tariff                    | SCORE
            What was the score in the semi-final?                          | SCORE
            What is Crazy Eddie's implied senior debt rating?              | THING
            How are the GTE debentures rated by Moody's?                   | THING
            What is the name of the new marketing subsidiary?              | THING
            """)
    void theQuestionWordAndItsNounDecideTheType(String question, AnswerType type) {
        AnswerExpectation e = classifier.classify(question);
        assertThat(e.main()).isEqualTo(type);
        assertThat(e.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest(name = "{1}: {0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Wer hat das Rennen in Kitzbühel gewonnen?                 | de | PERSON
            Wann beginnt die neue Saison?                             | de | DATE
            Bis wann will die Firma klimaneutral sein?                | de | DATE
            Wo findet die Messe statt?                                | de | PLACE
            Wie viele Menschen leben in der Stadt?                    | de | NUMBER
            Wie viel kostet das neue Telefon?                         | de | MONEY
            Wie hoch war der Umsatz des Konzerns?                     | de | NUMBER
            Um wie viel Prozent steigen die Ticketpreise?             | de | PERCENT
            Welche Zeitung berichtete zuerst darüber?                 | de | ORGANIZATION
            Welche Stadt bekommt das neue Werk?                       | de | PLACE
            Wie hoch ist der Sachschaden?                             | de | NUMBER
            Welcher Preis wurde für die Aktie gezahlt?                | de | MONEY
            Welcher Mindestabstand gilt im Gottesdienst?              | de | NUMBER
            Welche Temperatur wurde in Wien gemessen?                 | de | NUMBER
            ¿Quién ganó las elecciones en Chile?                      | es | PERSON
            ¿Cuándo será el plebiscito?                               | es | DATE
            ¿Dónde se celebró la cumbre?                              | es | PLACE
            ¿Cuántos niños fueron reclutados?                         | es | NUMBER
            ¿Qué porcentaje de los votos obtuvo el partido?           | es | PERCENT
            ¿Qué empresa compró la fábrica?                           | es | ORGANIZATION
            ¿Por cuánto subió el precio del cobre?                    | es | PERCENT
            Quem venceu a eleição no Rio?                             | pt | PERSON
            Quando o presidente viaja a Brasília?                     | pt | DATE
            Onde aconteceu o acidente?                                | pt | PLACE
            Quantas pessoas morreram no acidente?                     | pt | NUMBER
            Quanto custa a passagem de ônibus?                        | pt | MONEY
            Em que ano foi criada a empresa?                          | pt | DATE
            Qual partido lidera a pesquisa?                           | pt | ORGANIZATION
            Qui a remporté le prix?                                   | fr | PERSON
            Quand Alaska Airlines deviendra-t-elle membre?            | fr | DATE
            Combien de personnes ont manifesté?                       | fr | NUMBER
            Кто выиграл выборы?                                       | ru | PERSON
            Сколько людей пострадало?                                 | ru | NUMBER
            """)
    void questionsInOtherLanguagesReadTheirQuestionWords(String question, String language, AnswerType type) {
        AnswerExpectation e = classifier.classify(question, language);
        assertThat(e.main()).isEqualTo(type);
        assertThat(e.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Who was the winner in Kitzbühel?        | PERSON
            What was the price of the shares?       | MONEY
            When was the deal signed?               | DATE
            """)
    void englishQuestionsReadTheSameWithAnEnglishOrUnknownLanguage(String question, AnswerType type) {
        for (String language : new String[] {"en", "und", null, "de"}) {
            // "was" is German for "what": only a German question is read in German
            if (language != null && language.equals("de")) {
                continue;
            }
            assertThat(classifier.classify(question, language).main()).as(language).isEqualTo(type);
            assertThat(classifier.classify(question, language)).isEqualTo(classifier.classify(question));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ¿Qué dijo el presidente sobre la reforma?     | es
            Was sagte der Papst über Kinder?              | de
            O que disse o ministro sobre a inflação?      | pt
            """)
    void sayingsInOtherLanguagesAskForNoType(String question, String language) {
        assertThat(classifier.classify(question, language).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            gatt spokesman                                  | PERSON
            taft broadcasting offer rejected per share price | MONEY
            cgct share of french telephone market           | PERCENT
            Yugoslav cost of living February                | PERCENT
            guadalco cotton processing capacity             | NUMBER
            """)
    void keywordsHintAtATypeWithLessConfidence(String query, AnswerType type) {
        AnswerExpectation e = classifier.classify(query);
        assertThat(e.main()).isEqualTo(type);
        assertThat(e.confidence()).isLessThan(0.8).isGreaterThan(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What did Kim Jong Un tell Shoigu?
            North Korea Russia
            coffee
            how did markets react
            ''
            """)
    void topicsAndSayingsAskForNoType(String query) {
        assertThat(classifier.classify(query).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is the latest on coffee talks?
            what's new with opec
            What are the latest developments in the Gulf?
            what is the news on Texaco
            Which updates did the rig owners publish?
            """)
    void questionsForTheNewsAskForNoType(String query) {
        assertThat(classifier.classify(query).isEmpty()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            oil output -prices                 | NUMBER
            gatt spokesman -price              | PERSON
            -price gatt spokesman              | PERSON
            opec -"oil prices" ceiling         | NUMBER
            How much did Texaco pay -dividend  | MONEY
            """)
    void excludedWordsTellNothingOfTheTypeAskedFor(String query, AnswerType type) {
        UserQuery user = new QueryUnderstanding(java.time.Clock.systemUTC()).understand(query);
        assertThat(classifier.classify(user, "en").main()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            coffee -prices
            coffee talks -"share price"
            """)
    void aQueryWhoseOnlyTypeWordIsExcludedAsksForNoType(String query) {
        UserQuery user = new QueryUnderstanding(java.time.Clock.systemUTC()).understand(query);
        assertThat(classifier.classify(user.raw()).isEmpty()).isFalse(); // the raw text alone hints at money
        assertThat(classifier.classify(user, "en").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How many shares did Rainbow buy?       | shares
            how much ore does the deposit contain  | ore
            How long is the pipeline?               | miles
            """)
    void countsAndMeasuresNameWhatIsCounted(String question, String focus) {
        assertThat(classifier.classify(question).focus()).contains(focus);
    }
}
