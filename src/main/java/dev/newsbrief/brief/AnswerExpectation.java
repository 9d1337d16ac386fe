package dev.newsbrief.brief;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The answer types a question asks for, each with a weight (1 for the main reading, less for
 * others: "how much" is mostly money, sometimes a quantity), and how sure the reading is: a
 * question word ("who", "how much") is a clear request, a keyword query with a telling word
 * ("opec output ceiling", "gatt spokesman") only a hint.
 *
 * @param weights    answer types and their weights in (0, 1]
 * @param confidence 1 for a question word, less for a hint from keywords, 0 when nothing is asked for
 * @param focus      the words naming what is counted or measured ("shares" in "how many shares",
 *                   units of length or time for "how long"); empty when the question names none
 */
public record AnswerExpectation(Map<AnswerType, Double> weights, double confidence, List<String> focus) {
    /** Nothing in particular is asked for (a topic, "what did X say", an empty query). */
    public static final AnswerExpectation NONE = new AnswerExpectation(Map.of(), 0, List.of());

    public AnswerExpectation {
        weights = weights.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(weights));
        if (weights.isEmpty()) {
            confidence = 0;
        }
        focus = List.copyOf(focus);
    }

    public AnswerExpectation(Map<AnswerType, Double> weights, double confidence) {
        this(weights, confidence, List.of());
    }

    /** The same expectation counting or measuring {@code words}. */
    public AnswerExpectation withFocus(List<String> words) {
        return new AnswerExpectation(weights, confidence, words);
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** How much an answer of {@code type} is wanted: its weight times the confidence, 0 if not asked for. */
    public double want(AnswerType type) {
        return weights.getOrDefault(type, 0.0) * confidence;
    }

    /** The type with the highest weight, or null when nothing is asked for. */
    public AnswerType main() {
        return weights.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
