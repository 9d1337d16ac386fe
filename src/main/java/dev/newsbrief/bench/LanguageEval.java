package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.store.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Language detection measured against labels written by reading the articles: the share of
 * labelled articles longer than {@link #MIN_CHARS} characters (title and body) whose stored
 * language is the label, overall and per labelled language, with the mistakes listed.
 */
public final class LanguageEval {
    /** Shorter articles say too little to judge a detector by (the threshold). */
    public static final int MIN_CHARS = 200;

    /** One label: the article id as ingest stores it, and its language (ISO 639-1). */
    public record Label(String id, String language) {
    }

    /** A labelled article whose stored language differs from its label. */
    public record Miss(String id, String label, String found) {
    }

    /** What the evaluation found. */
    public record Result(int judged, int correct, int tooShort, List<String> notFound, Map<String, int[]> byLanguage,
            List<Miss> misses) {
        public double accuracy() {
            return judged == 0 ? 0 : correct / (double) judged;
        }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%d labelled articles over %d characters: %d detected right (%.3f); "
                    + "%d shorter, %d not in the corpus", judged, MIN_CHARS, correct, accuracy(), tooShort,
                    notFound.size()));
            byLanguage.forEach((lang, n) -> out.add(String.format(Locale.ROOT, "  %-4s %d/%d", lang, n[0], n[1])));
            misses.forEach(m -> out.add("  wrong: " + m.id() + " labelled " + m.label() + ", detected " + m.found()));
            return out;
        }

        public String json() {
            StringBuilder per = new StringBuilder();
            byLanguage.forEach((lang, n) -> per.append(per.isEmpty() ? "" : ",").append('"').append(lang)
                    .append("\":").append(String.format(Locale.ROOT, "%.3f", n[0] / (double) n[1])));
            return String.format(Locale.ROOT, "{\"judged\":%d,\"accuracy\":%.4f,\"target\":0.95,\"by_language\":{%s},"
                    + "\"wrong\":%d,\"not_found\":%d}", judged, accuracy(), per, misses.size(), notFound.size());
        }
    }

    private LanguageEval() {
    }

    /** Reads a JSON-lines label file: one {@code {"id": ..., "lang": ...}} per line. */
    public static List<Label> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Label> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if (!n.hasNonNull("id") || !n.hasNonNull("lang")) {
                throw new NewsbriefException(file + ":" + lineNo + ": a label needs \"id\" and \"lang\"");
            }
            out.add(new Label(n.get("id").asText(), n.get("lang").asText()));
        }
        return out;
    }

    /** Compares each label with the language stored for its article ({@code articles} looks it up). */
    public static Result evaluate(List<Label> labels, Function<String, Optional<Article>> articles) {
        int judged = 0;
        int correct = 0;
        int tooShort = 0;
        List<String> notFound = new ArrayList<>();
        Map<String, int[]> byLanguage = new TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        for (Label label : labels) {
            Optional<Article> found = articles.apply(label.id());
            if (found.isEmpty()) {
                notFound.add(label.id());
                continue;
            }
            Article a = found.get();
            if (a.title().length() + a.body().length() <= MIN_CHARS) {
                tooShort++;
                continue;
            }
            judged++;
            int[] counts = byLanguage.computeIfAbsent(label.language(), k -> new int[2]);
            counts[1]++;
            if (label.language().equals(a.language())) {
                correct++;
                counts[0]++;
            } else {
                misses.add(new Miss(a.id(), label.language(), a.language()));
            }
        }
        return new Result(judged, correct, tooShort, notFound, new LinkedHashMap<>(byLanguage), misses);
    }
}
