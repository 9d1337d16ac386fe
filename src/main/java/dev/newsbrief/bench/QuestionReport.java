package dev.newsbrief.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Shares of a question set answered and cited, overall and per question type and language, as JSON.
 * The language groups compare like with like: a question asked in the language its answer is
 * written in counts under that language, every cross-language question (asked in one language,
 * answered by an article in another) under {@value #CROSS}.
 */
public final class QuestionReport {
    /** The language group of the cross-language questions. */
    public static final String CROSS = "cross";
    /** Counts over a group of questions. */
    public record Tally(int questions, int answered, int cited, int answeredCited, int baselineAnsweredCited) {
        static Tally of(List<QuestionEval.Outcome> outcomes) {
            int a = 0;
            int c = 0;
            int ac = 0;
            int bac = 0;
            for (QuestionEval.Outcome o : outcomes) {
                a += o.answered() ? 1 : 0;
                c += o.cited() ? 1 : 0;
                ac += o.answeredCited() ? 1 : 0;
                bac += o.baselineAnsweredCited() ? 1 : 0;
            }
            return new Tally(outcomes.size(), a, c, ac, bac);
        }

        double share(int n) {
            return questions == 0 ? 0 : (double) n / questions;
        }
    }

    private final List<QuestionEval.Outcome> outcomes;

    public QuestionReport(List<QuestionEval.Outcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public Tally total() {
        return Tally.of(outcomes);
    }

    public Map<String, Tally> byType() {
        return groups(o -> o.question().type());
    }

    /** Per question language over the comparable questions, and {@value #CROSS} for the cross-language ones. */
    public Map<String, Tally> byLanguage() {
        return groups(o -> o.question().crossLanguage() ? CROSS : o.question().lang());
    }

    private Map<String, Tally> groups(Function<QuestionEval.Outcome, String> key) {
        Map<String, List<QuestionEval.Outcome>> grouped = new TreeMap<>();
        outcomes.forEach(o -> grouped.computeIfAbsent(key.apply(o), k -> new ArrayList<>()).add(o));
        Map<String, Tally> out = new TreeMap<>();
        grouped.forEach((k, v) -> out.put(k, Tally.of(v)));
        return out;
    }

    /** One readable line per group: {@code money: 40/55 answered+cited (0.73), baseline 0.51}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        byType().forEach((k, t) -> out.add(line("type " + k, t)));
        Map<String, Tally> langs = byLanguage();
        if (langs.size() > 1) {
            langs.forEach((k, t) -> out.add(line("lang " + k, t)));
        }
        out.add(line("all", total()));
        return out;
    }

    private static String line(String name, Tally t) {
        return String.format(Locale.ROOT, "%-18s %3d/%3d answered+cited (%.3f); answered %.3f, cited %.3f; baseline %.3f",
                name, t.answeredCited(), t.questions(), t.share(t.answeredCited()), t.share(t.answered()),
                t.share(t.cited()), t.share(t.baselineAnsweredCited()));
    }

    /**
     * {@code {"answered":…, "cited":…, "answered_cited":…, "baseline_answered_cited":…, "questions":…,
     * "by_type":{…}, "by_lang":{…}}} plus any {@code extra} figures (already JSON values);
     * {@code by_lang} as {@link #byLanguage()} groups it.
     */
    public String json(Map<String, String> extra) {
        Tally t = total();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "{\"answered\":%.4f,\"cited\":%.4f,\"answered_cited\":%.4f,"
                + "\"baseline_answered_cited\":%.4f,\"questions\":%d", t.share(t.answered()), t.share(t.cited()),
                t.share(t.answeredCited()), t.share(t.baselineAnsweredCited()), t.questions()));
        sb.append(",\"by_type\":").append(groupJson(byType()));
        sb.append(",\"by_lang\":").append(groupJson(byLanguage()));
        extra.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
        return sb.append('}').toString();
    }

    private static String groupJson(Map<String, Tally> groups) {
        List<String> parts = new ArrayList<>();
        groups.forEach((k, t) -> parts.add(String.format(Locale.ROOT,
                "\"%s\":{\"questions\":%d,\"answered_cited\":%.4f,\"baseline_answered_cited\":%.4f}", k,
                t.questions(), t.share(t.answeredCited()), t.share(t.baselineAnsweredCited()))));
        return "{" + String.join(",", parts) + "}";
    }
}
