package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CleaningRulesTest {
    static Stream<CleaningRules.Rule> rules() {
        return CleaningRules.defaults().rules().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleActsOnItsExamplesAndKeepsItsCounterExamples(CleaningRules.Rule rule) {
        assertThat(rule.examples()).as("rule %s needs examples", rule.name()).isNotEmpty();
        assertThat(rule.keeps()).as("rule %s needs counter-examples", rule.name()).isNotEmpty();
        for (String example : rule.examples()) {
            if (rule.kind() == CleaningRules.Kind.DROP_LINE) {
                assertThat(rule.dropsLine(example)).as("%s drops %s", rule.name(), example).isTrue();
            } else {
                assertThat(rule.apply(example)).as("%s rewrites %s", rule.name(), example).isNotEqualTo(example);
            }
        }
        for (String keep : rule.keeps()) {
            if (rule.kind() == CleaningRules.Kind.DROP_LINE) {
                assertThat(rule.dropsLine(keep)).as("%s keeps %s", rule.name(), keep).isFalse();
            } else {
                assertThat(rule.apply(keep)).as("%s leaves %s", rule.name(), keep).isEqualTo(keep);
            }
        }
    }

    @Test
    void anOnlyIfContainsPrefilterThatWouldSkipTheRulesOwnExampleIsRejected() {
        String yaml = "rules:\n  - name: tabs\n    kind: replace\n    pattern: '\\t'\n    replacement: ' '\n"
                + "    only-if-contains: ['#']\n    examples: ['a\tb']\n    keeps: ['a b']\n";
        assertThatThrownBy(() -> CleaningRules.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml")).isInstanceOf(IngestException.class).hasMessageContaining("tabs")
                .hasMessageContaining("only-if-contains");
    }

    @Test
    void aPrefilteredRuleStillRewritesTextThatContainsItsNeedle() {
        CleaningRules rules = CleaningRules.defaults();
        assertThat(rules.rewrite("## Heading\nBody  text\tend")).isEqualTo("Heading\nBody text end");
        assertThat(rules.rewrite("No markers here.")).isEqualTo("No markers here.");
    }

    @Test
    void aBadPatternIsReportedWithTheRuleName() {
        String yaml = "rules:\n  - name: broken\n    kind: drop-line\n    pattern: '(unclosed'\n";
        assertThatThrownBy(() -> CleaningRules.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml")).isInstanceOf(IngestException.class).hasMessageContaining("broken");
    }
}
