package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Differential tests: the one-pass search against {@link String#contains}, string by string. */
class NeedlesTest {

    private static long bruteForce(List<List<String>> perRule, String text) {
        long found = 0;
        for (int r = 0; r < perRule.size(); r++) {
            List<String> strings = perRule.get(r);
            if (strings.isEmpty() || strings.stream().anyMatch(text::contains)) {
                found |= 1L << r;
            }
        }
        return found;
    }

    @Test
    void findsExactlyTheRulesWhoseStringsTheTextContains() {
        List<List<String>> perRule = List.of(List.of("ab", "©", "ba "), List.of(), List.of("aab", "c"),
                List.of("bb", "abc"), List.of("ca", "a©b"));
        Needles needles = new Needles(perRule);
        Random random = new Random(5);
        char[] alphabet = {'a', 'b', 'c', ' ', '©', 'x'};
        for (int round = 0; round < 50_000; round++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            assertThat(needles.rulesIn(s)).as(s).isEqualTo(bruteForce(perRule, s));
        }
    }

    @Test
    void theShippedRulesFindTheSameChromeAsRuleByRule() {
        CleaningRules rules = CleaningRules.defaults();
        List<String> lines = new ArrayList<>();
        for (CleaningRules.Rule r : rules.rules()) {
            lines.addAll(r.examples());
            lines.addAll(r.keeps());
            r.onlyIfContains().forEach(s -> lines.add("Read " + s + " more"));
        }
        lines.add("The cocoa harvest in Bahia was late this year, Comissaria Smith said.");
        lines.add("Siga-nos no Twitter e no Facebook");
        for (String line : lines) {
            String expected = null;
            for (CleaningRules.Rule r : rules.rules()) {
                if (r.dropsLine(line)) {
                    expected = r.name();
                    break;
                }
            }
            assertThat(rules.chromeRuleFor(line)).as(line).isEqualTo(expected);
        }
    }
}
