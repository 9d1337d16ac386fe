package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LanguageAnalyzersTest {
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

    private List<String> terms(String field, String text) {
        return AnalyzedTerms.of(analyzers, field, text).terms();
    }

    @Test
    void englishFieldsAreAnalysedExactlyAsBefore() {
        NewsAnalyzer english = new NewsAnalyzer();
        for (String text : new String[] {"What did Kim Jong Un tell Shoigu?", "Zürich's banks raised rates",
                "\"North Korea\" Russia -sports", "Erweiterungen veröffentlicht", "0-dimensional biomaterials",
                "Путин 普京 بوتين"}) {
            for (String field : new String[] {PassageFields.TEXT, PassageFields.TITLE, PassageFields.ARTICLE}) {
                assertThat(AnalyzedTerms.of(analyzers, field, text)).as(text)
                        .isEqualTo(AnalyzedTerms.of(english, field, text));
            }
        }
        assertThat(analyzers.getPositionIncrementGap(PassageFields.ARTICLE))
                .isEqualTo(english.getPositionIncrementGap(PassageFields.ARTICLE));
    }

    @Test
    void germanInflectionsReduceToOneTerm() {
        String text = PassageFields.of(PassageFields.TEXT, "de");
        assertThat(terms(text, "Erweiterungen")).isEqualTo(terms(text, "Erweiterung"));
        assertThat(terms(text, "Dateien")).isEqualTo(terms(text, "Datei"));
        assertThat(terms(text, "Nordkoreas")).isEqualTo(terms(text, "Nordkorea"));
        assertThat(terms(text, "Häuser")).isEqualTo(terms(text, "Hauser"));
        assertThat(terms(text, "von der und")).isEmpty();
    }

    @Test
    void eachLanguageHasItsOwnStemmingAndStopWords() {
        assertThat(terms("text.pt", "eleições")).isEqualTo(terms("text.pt", "eleição"));
        assertThat(terms("text.es", "elecciones")).isEqualTo(terms("text.es", "elección"));
        assertThat(terms("text.fr", "les retraites")).isEqualTo(terms("text.fr", "retraite"));
        assertThat(terms("text.ru", "нефти")).isEqualTo(terms("text.ru", "нефть"));
        assertThat(terms("text.zh", "武汉疫情")).hasSizeGreaterThan(1);
        assertThat(terms("text.ja", "体罰を禁止する法律")).contains("禁止", "法律");
    }

    @Test
    void aLanguageWithoutAnalyzerFallsBackToTheStandardAnalyzerAndSaysSo() {
        Logger logger = (Logger) LoggerFactory.getLogger(LanguageAnalyzers.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            assertThat(LanguageAnalyzers.hasAnalyzer("sw")).isFalse();
            assertThat(terms("text.sw", "Watoto wanacheza mpira Nairobi")).containsExactly("watoto", "wanacheza",
                    "mpira", "nairobi");
            terms("text.sw", "Habari za leo");
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("no analyzer for language 'sw'"))
                .hasSize(1);
    }

    @Test
    void fieldNamesCarryTheLanguage() {
        assertThat(PassageFields.of(PassageFields.TEXT, "en")).isEqualTo("text");
        assertThat(PassageFields.of(PassageFields.TEXT, "und")).isEqualTo("text");
        assertThat(PassageFields.of(PassageFields.TEXT, null)).isEqualTo("text");
        assertThat(PassageFields.of(PassageFields.ARTICLE, "de")).isEqualTo("article.de");
        assertThat(PassageFields.languageOf("article.de")).isEqualTo("de");
        assertThat(PassageFields.languageOf(PassageFields.ARTICLE_ID)).isEqualTo("en");
    }
}
