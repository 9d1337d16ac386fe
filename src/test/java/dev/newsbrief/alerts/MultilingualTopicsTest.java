package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.store.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Topics matched in the article's language. */
class MultilingualTopicsTest {
    private static final Instant NOW = Instant.parse("2025-03-22T10:00:00Z");
    private final TopicParser parser = new TopicParser();

    private static Article article(String id, String language, String title, String body) {
        return AlertsFixture.article(id, title, body, NOW).withLanguage(language);
    }

    private static List<String> displays(List<Topic> topics) {
        return topics.stream().map(Topic::display).sorted().toList();
    }

    @Test
    void aGermanTopicMatchesGermanArticlesThroughGermanAnalysis() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            TopicMatcher matcher = new TopicMatcher(index, new LanguageAnalyzers());
            matcher.addAll(List.of(parser.parse("Nordkorea"), parser.parse("Microsoft Erweiterungen"),
                    parser.parse("\"Sortierung von Dateien\""), parser.parse("North Korea")));
            Article german = article("de1", "de", "Nordkoreas Raketentest beunruhigt Japan",
                    "Die Raketen flogen ins Japanische Meer.");
            assertThat(displays(matcher.match(german))).containsExactly("Nordkorea");
            Article cordova = article("de2", "de", "Microsoft veröffentlicht Cordova-Erweiterung",
                    "Die Erweiterung für Visual Studio Code ist da. Zur Sortierung der Dateien dient PowerShell.");
            assertThat(displays(matcher.match(cordova))).containsExactly("\"Sortierung von Dateien\"",
                    "Microsoft Erweiterungen");
            Article english = article("en1", "en", "North Korea fires missile", "Pyongyang launched it.");
            assertThat(displays(matcher.match(english))).containsExactly("North Korea");
            assertThat(matcher.matches(german, parser.parse("Nordkorea"))).isTrue();
            assertThat(matcher.matches(german, parser.parse("North Korea"))).isFalse();
            // the topic keeps its key in every language, so its subscribers are found
            assertThat(matcher.match(german).get(0).key()).isEqualTo(parser.parse("Nordkorea").key());
            matcher.closeLanguages();
        }
    }

    @Test
    void topicsAddedOrRemovedLaterReachEveryLanguage() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            TopicMatcher matcher = new TopicMatcher(index, new LanguageAnalyzers());
            Article pt = article("pt1", "pt", "Bolsonaro perde de Haddad", "Pesquisa Ibope sobre as eleições.");
            assertThat(matcher.match(pt)).isEmpty();
            assertThat(matcher.languagesIndexed()).containsExactly("pt");
            matcher.add(parser.parse("eleição Ibope"));
            assertThat(displays(matcher.match(pt))).containsExactly("eleição Ibope");
            matcher.remove(parser.parse("eleição Ibope").key());
            assertThat(matcher.match(pt)).isEmpty();
            // a topic of only this language's stop words has no version in it, and never matches it
            matcher.add(parser.parse("das"));
            assertThat(matcher.match(article("de3", "de", "Das Haus", "Das ist das Haus."))).isEmpty();
            matcher.closeLanguages();
        }
    }

    /** Per language too, the presearcher finds exactly what each topic's Lucene query finds. */
    @Test
    void presearcherAgreesWithBruteForceInAnotherLanguage() throws Exception {
        String[] vocabulary = {"Erweiterung", "Erweiterungen", "Nordkorea", "Nordkoreas", "Rakete", "Raketen",
            "Datei", "Dateien", "Preis", "Preise", "Bank", "Banken", "Zins", "Zinsen", "Japan", "Test"};
        Random random = new Random(11);
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            TopicMatcher matcher = new TopicMatcher(index, new LanguageAnalyzers());
            List<Topic> topics = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String w1 = vocabulary[random.nextInt(vocabulary.length)];
                String w2 = vocabulary[random.nextInt(vocabulary.length)];
                String text = switch (random.nextInt(3)) {
                    case 0 -> w1;
                    case 1 -> w1 + " " + w2;
                    default -> "\"" + w1 + " " + w2 + "\"";
                };
                topics.add(parser.parse(text));
            }
            matcher.addAll(topics);
            for (int n = 0; n < 60; n++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 12; w++) {
                    body.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
                }
                Article a = article("a" + n, "de", "Meldung", body.toString());
                List<String> brute = new ArrayList<>();
                for (Topic t : index.topics()) {
                    if (matcher.matches(a, t)) {
                        brute.add(t.key());
                    }
                }
                assertThat(matcher.match(a).stream().map(Topic::key).sorted().toList()).as(body.toString())
                        .isEqualTo(brute.stream().sorted().toList());
            }
            matcher.closeLanguages();
        }
    }
}
