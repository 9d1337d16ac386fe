package dev.newsbrief.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A question set for {@code eval questions}: JSONL, one question a line,
 * {@code {"id", "question", "articles": [...], "answers": [...], "type", "lang", "article_lang", "note"}}.
 * {@code articles} are the ids ingest stores for the articles that answer it; every one of
 * {@code answers} must appear in what the user reads. {@code lang} is the question's language
 * (default {@code en}); {@code article_lang} the language of the answering articles, given only
 * when it differs (a cross-language question), else the question's. A malformed line is an error
 * naming its line.
 */
public final class QuestionSet {
    /** The answer types a question may ask for; {@code keyword} marks a keyword-only query. */
    public static final Set<String> TYPES = Set.of("person", "organization", "money", "number", "percent", "date",
            "place", "score", "thing", "keyword");

    /** One question with what answers it; {@code articleLang} is the answering articles' language. */
    public record Question(String id, String question, List<String> articles, List<String> answers, String type,
            String lang, String articleLang, String note) {
        public Question {
            articles = List.copyOf(articles);
            answers = List.copyOf(answers);
            lang = lang == null ? "en" : lang;
            articleLang = articleLang == null ? lang : articleLang;
        }

        /** Whether the question is asked in another language than its answer is written in. */
        public boolean crossLanguage() {
            return !lang.equals(articleLang);
        }
    }

    private QuestionSet() {
    }

    public static List<Question> read(Path file) {
        ObjectMapper json = new ObjectMapper();
        List<Question> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Question q = parse(json, line, file, lineNo);
                if (!ids.add(q.id())) {
                    throw bad(file, lineNo, "id " + q.id() + " is used twice");
                }
                out.add(q);
            }
        } catch (IOException e) {
            throw new NewsbriefException("cannot read question set " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new NewsbriefException("question set " + file + " holds no questions");
        }
        return out;
    }

    private static Question parse(ObjectMapper json, String line, Path file, int lineNo) {
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(file, lineNo, "not JSON: " + e.getOriginalMessage());
        }
        if (!n.isObject()) {
            throw bad(file, lineNo, "not a JSON object");
        }
        String id = text(n, "id", file, lineNo);
        String question = text(n, "question", file, lineNo);
        List<String> articles = strings(n, "articles", file, lineNo);
        List<String> answers = strings(n, "answers", file, lineNo);
        String type = n.path("type").asText("thing").toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw bad(file, lineNo, "type \"" + type + "\" is not one of " + new java.util.TreeSet<>(TYPES));
        }
        String lang = n.path("lang").asText("en");
        String articleLang = n.hasNonNull("article_lang") ? text(n, "article_lang", file, lineNo) : lang;
        String note = n.hasNonNull("note") ? n.get("note").asText() : null;
        return new Question(id, question, articles, answers, type, lang, articleLang, note);
    }

    private static String text(JsonNode n, String field, Path file, int lineNo) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(file, lineNo, "\"" + field + "\" must be a non-empty string");
        }
        return v.asText();
    }

    private static List<String> strings(JsonNode n, String field, Path file, int lineNo) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw bad(file, lineNo, "\"" + field + "\" must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || e.asText().isBlank()) {
                throw bad(file, lineNo, "\"" + field + "\" must hold non-empty strings only");
            }
            out.add(e.asText());
        }
        return out;
    }

    private static NewsbriefException bad(Path file, int lineNo, String why) {
        return new NewsbriefException("question set " + file + " line " + lineNo + ": " + why);
    }
}
