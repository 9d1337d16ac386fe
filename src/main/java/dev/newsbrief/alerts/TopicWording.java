package dev.newsbrief.alerts;

import dev.newsbrief.lang.Text;
import java.util.List;

/**
 * A topic's clauses as the user wrote them, for telling them what it matches: every required word
 * and phrase must appear (alerts are precise, unlike /ask, where free words are optional), and no
 * excluded one may.
 *
 * @param required words and "phrases" that must all appear
 * @param excluded words and "phrases" that must not
 */
public record TopicWording(List<String> required, List<String> excluded) {
    public TopicWording {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
    }

    /** E.g. {@code alerts when an article mentions all of: "North Korea", Russia; and none of: sports}. */
    public Text text() {
        String all = String.join(", ", required);
        Text out = required.size() == 1 ? Text.of("wording.one", required.get(0)) : Text.of("wording.all", all);
        return excluded.isEmpty() ? out : new Text("wording.none-of", java.util.List.of(out, String.join(", ", excluded)));
    }

    public String sentence() {
        String out = required.size() == 1
                ? "alerts when an article mentions " + required.get(0)
                : "alerts when an article mentions all of: " + String.join(", ", required);
        return excluded.isEmpty() ? out : out + "; and none of: " + String.join(", ", excluded);
    }
}
