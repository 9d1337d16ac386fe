package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.index.SentenceSplitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Differential: spotting only the asked-for types finds exactly what a full scan finds of them. */
class SpotPlanTest {
    private static final AnswerSpotter SPOTTER = new AnswerSpotter(Places.load());
    private static final Comparator<AnswerSpotter.Mention> ORDER = Comparator
            .comparing(AnswerSpotter.Mention::type).thenComparingInt(AnswerSpotter.Mention::start)
            .thenComparingInt(AnswerSpotter.Mention::end).thenComparingDouble(AnswerSpotter.Mention::strength);

    /** Sentences without digits or signs that still hold amounts, counts and dates, in several languages and cases. */
    private static final List<String> TRICKY = List.of(
            "It paid two dollars a share and half a million shares changed hands.",
            "FIFTY PERCENT OF THE VOTES WENT TO THE MAYOR.",
            "Die Sitzung findet am MITTWOCH statt, nicht heute.",
            "La reunión es el lunes, no mañana; en ENERO habrá otra.",
            "A reunião foi ontem, em março.",
            "La séance a eu lieu en Décembre, AUJOURD'HUI rien.",
            "Der Preis stieg um 12,7 Prozent auf 5,7 Milliarden Euro am 18. Oktober 2021.",
            "The vote was 99 to 0, and 1,750 to 1,780 dlrs was the range; he owns 9.4 mln shares.",
            "It cost \u00A35 mln, \u20AC3 bln, $15 and \u00A5200, R$ 5 bilh\u00F5es.",
            "Chairman Malcolm Baldrige of <Rainbow Corp Ltd> met the \"Vision 2000\" team of IBM in Tokyo.",
            "Shares of ABC-3 rose one point today, the first quarter ends next week.",
            "Two to three dozen protesters gathered Tuesday, March 3 at 10:30 a.m.",
            "Der Umsatz lag bei 64,2 Mrd. Euro; im M\u00C4RZ waren es 190.000 Fl\u00FCchtlinge.",
            "He left at 1430 hrs and returns in 3 days, the summer of 1987.",
            "Vier Medaillen in einem Jahr, die siebenk\u00F6pfige Familie kam nach einer Stunde.",
            "");

    @Test
    void askedForTypesAreFoundExactlyAsByAFullScan() throws IOException {
        List<String> sentences = new ArrayList<>(TRICKY);
        for (String file : List.of("/brief/corpus.jsonl", "/brief/answers.jsonl", "/lang/articles.jsonl")) {
            sentences.addAll(sentencesOf(file));
        }
        assertThat(sentences).hasSizeGreaterThan(200);
        List<Set<AnswerType>> asks = new ArrayList<>();
        for (AnswerType a : AnswerType.values()) {
            asks.add(EnumSet.of(a));
            for (AnswerType b : AnswerType.values()) {
                if (a.ordinal() < b.ordinal()) {
                    asks.add(EnumSet.of(a, b));
                }
            }
        }
        int found = 0;
        for (String s : sentences) {
            for (String language : new String[] {null, "de"}) {
                List<AnswerSpotter.Mention> all = SPOTTER.spot(s, language);
                for (Set<AnswerType> types : asks) {
                    List<AnswerSpotter.Mention> expected = all.stream().filter(m -> types.contains(m.type()))
                            .sorted(ORDER).toList();
                    List<AnswerSpotter.Mention> planned = SPOTTER.spot(s, language, types).stream().sorted(ORDER)
                            .toList();
                    assertThat(planned).as("%s (%s) in: %s", types, language, s).isEqualTo(expected);
                    found += planned.size();
                }
            }
        }
        assertThat(found).isPositive();
    }

    @Test
    void scansOnlyWhatTheTypesNeedAndTheTextCanHold() {
        SpotPlan who = SpotPlan.of("He paid 5 dlrs on Monday.", EnumSet.of(AnswerType.PERSON));
        assertThat(who.names()).isTrue();
        assertThat(who.money() || who.date() || who.count() || who.score()).isFalse();

        SpotPlan howMuch = SpotPlan.of("The company said it was pleased.", EnumSet.of(AnswerType.MONEY));
        assertThat(howMuch.money() || howMuch.localMoney()).isFalse();
        assertThat(SpotPlan.of("It paid two dollars.", EnumSet.of(AnswerType.MONEY)).money()).isTrue();

        // a count is told apart from amounts, percentages, dates and tallies, so it needs their scans too
        SpotPlan howMany = SpotPlan.of("It sold 300 cars in 1987.", EnumSet.of(AnswerType.NUMBER));
        assertThat(howMany.count() && howMany.money() && howMany.percent() && howMany.date() && howMany.score())
                .isTrue();
        assertThat(howMany.names()).isFalse();

        assertThat(SpotPlan.of("It was said in the spring.", EnumSet.of(AnswerType.DATE)).localDate()).isFalse();
        assertThat(SpotPlan.of("Es war am Montag.", EnumSet.of(AnswerType.DATE)).localDate()).isTrue();
    }

    private static List<String> sentencesOf(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(SpotPlanTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = json.readTree(line);
                out.add(article.path("title").asText(""));
                out.addAll(SentenceSplitter.sentences(article.path("body").asText("")));
            }
        }
        return out;
    }
}
