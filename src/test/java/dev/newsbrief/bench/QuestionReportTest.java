package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.core.NewsbriefException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionReportTest {
    @TempDir
    Path dir;

    private static QuestionEval.Outcome outcome(String id, String lang, String articleLang, boolean right) {
        QuestionSet.Question q = new QuestionSet.Question(id, "q " + id, List.of("a"), List.of("x"), "thing", lang,
                articleLang, null);
        return new QuestionEval.Outcome(q, right, right, false, false, "");
    }

    @Test
    void crossLanguageQuestionsAreGroupedApartFromTheirQuestionsLanguage() {
        QuestionReport report = new QuestionReport(List.of(outcome("en1", "en", "en", true),
                outcome("en2", "en", null, true), outcome("x1", "en", "de", false), outcome("x2", "de", "en", false),
                outcome("de1", "de", "de", true), outcome("de2", "de", "de", false)));
        Map<String, QuestionReport.Tally> groups = report.byLanguage();
        assertThat(groups.keySet()).containsExactly(QuestionReport.CROSS, "de", "en");
        assertThat(groups.get("en").questions()).isEqualTo(2);
        assertThat(groups.get("en").answeredCited()).isEqualTo(2);
        assertThat(groups.get("de").questions()).isEqualTo(2);
        assertThat(groups.get(QuestionReport.CROSS).questions()).isEqualTo(2);
        assertThat(groups.get(QuestionReport.CROSS).answeredCited()).isZero();
        assertThat(report.total().questions()).isEqualTo(6);
        assertThat(report.json(Map.of())).contains("\"by_lang\":{\"cross\":{\"questions\":2,\"answered_cited\":0.0000",
                "\"de\":{\"questions\":2,\"answered_cited\":0.5000", "\"en\":{\"questions\":2,\"answered_cited\":1.0000");
        assertThat(report.lines()).anyMatch(l -> l.startsWith("lang cross") && l.contains("0/  2"));
    }

    @Test
    void theArticlesLanguageIsReadAndDefaultsToTheQuestions() throws IOException {
        Path file = dir.resolve("q.jsonl");
        Files.writeString(file, """
                {"id": "de1", "question": "Wer?", "articles": ["a"], "answers": ["b"], "lang": "de"}
                {"id": "x1", "question": "Who?", "articles": ["a"], "answers": ["b"], "article_lang": "de"}
                """);
        List<QuestionSet.Question> qs = QuestionSet.read(file);
        assertThat(qs.get(0).articleLang()).isEqualTo("de");
        assertThat(qs.get(0).crossLanguage()).isFalse();
        assertThat(qs.get(1).lang()).isEqualTo("en");
        assertThat(qs.get(1).articleLang()).isEqualTo("de");
        assertThat(qs.get(1).crossLanguage()).isTrue();

        Files.writeString(file, """
                {"id": "x1", "question": "Who?", "articles": ["a"], "answers": ["b"], "article_lang": ""}
                """);
        assertThatThrownBy(() -> QuestionSet.read(file)).isInstanceOf(NewsbriefException.class)
                .hasMessageContaining("line 1").hasMessageContaining("article_lang");
    }
}
