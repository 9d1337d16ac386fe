package dev.newsbrief.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.store.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class TopicMatcherTest {
    private static final Instant NOW = Instant.parse("2025-03-22T10:00:00Z");
    private final TopicParser parser = new TopicParser();

    private static Article article(String title, String body) {
        return AlertsFixture.article("a", title, body, NOW);
    }

    private List<String> matchedKeys(TopicIndex index, Article a) {
        return new TopicMatcher(index).match(a).stream().map(Topic::display).sorted().toList();
    }

    @Test
    void verifiesTermsPhrasesAndExclusionsLikeTheLuceneQuery() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            for (String topic : List.of("\"North Korea\" Russia -sports", "Korea", "north russia",
                    "\"Russia North\"", "Russia -\"North Korea\"", "Ukraine", "\"Bank of England\" rates",
                    "bank england -\"bank of england\"")) {
                index.add(parser.parse(topic));
            }
            Article a = article("North Korea and Russia sign pact",
                    "Leaders of North Korea met Russia's president.\n\nThe Bank of England held rates.");
            assertThat(matchedKeys(index, a)).containsExactly("\"Bank of England\" rates",
                    "\"North Korea\" Russia -sports", "Korea", "north russia");

            Article sports = article("North Korea beats Russia", "A sports match in Pyongyang.");
            assertThat(matchedKeys(index, sports)).containsExactly("Korea", "north russia");
        }
    }

    @Test
    void oneTopicFollowedTwiceIsIndexedOnceAndRemovable() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            index.add(parser.parse("Ukraine"));
            index.add(parser.parse("ukraine"));
            assertThat(index.size()).isEqualTo(1);
            Article a = article("Ukraine talks", "Talks about Ukraine resumed.");
            assertThat(new TopicMatcher(index).match(a)).hasSize(1);
            index.remove(parser.parse("UKRAINE").key());
            assertThat(new TopicMatcher(index).match(a)).isEmpty();
        }
    }

    /**
     * The presearcher must never lose a match: over random articles and random topics (terms,
     * phrases, exclusions from a small vocabulary, so many match), presearch + compiled
     * verification finds exactly what running every topic's Lucene query in the MemoryIndex finds.
     */
    @Test
    void presearcherAgreesWithBruteForceOverEveryTopic() throws Exception {
        String[] vocabulary = {"oil", "gold", "wheat", "opec", "price", "rise", "fall", "talks", "bank", "rate",
            "china", "japan", "trade", "deficit", "strike", "port", "ship", "grain", "export", "tariff"};
        Random random = new Random(7);
        List<Topic> topics = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        while (topics.size() < 300) {
            StringBuilder sb = new StringBuilder();
            int clauses = 1 + random.nextInt(3);
            for (int i = 0; i < clauses; i++) {
                String w = vocabulary[random.nextInt(vocabulary.length)];
                int kind = random.nextInt(10);
                if (kind < 2) {
                    sb.append(" \"").append(w).append(' ').append(vocabulary[random.nextInt(vocabulary.length)]).append('"');
                } else if (kind < 3 && i > 0) {
                    sb.append(" -").append(w);
                } else if (kind < 4 && i > 0) {
                    sb.append(" -\"").append(w).append(' ').append(vocabulary[random.nextInt(vocabulary.length)]).append('"');
                } else {
                    sb.append(' ').append(w);
                }
            }
            try {
                Topic t = parser.parse(sb.toString());
                if (keys.add(t.key())) {
                    topics.add(t);
                }
            } catch (InvalidTopicException e) {
                // drew only exclusions
            }
        }
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> t.length())) {
            index.addAll(topics);
            TopicMatcher matcher = new TopicMatcher(index);
            int totalMatches = 0;
            for (int n = 0; n < 100; n++) {
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 5 + random.nextInt(30); w++) {
                    body.append(vocabulary[random.nextInt(vocabulary.length)]).append(random.nextInt(8) == 0 ? ". " : " ");
                }
                AnalyzedArticle p = matcher.analyze("Report", body.toString());
                Set<Topic> expected = new HashSet<>();
                for (Topic t : topics) {
                    if (p.matchesQuery(t)) {
                        expected.add(t);
                    }
                }
                assertThat(new HashSet<>(index.matching(p))).as("article %d: %s", n, body).isEqualTo(expected);
                assertThat(index.candidates(p).size()).isLessThanOrEqualTo(topics.size());
                totalMatches += expected.size();
            }
            assertThat(totalMatches).as("the random corpus must exercise matching").isGreaterThan(300);
        }
    }

    @Test
    void briefQuotesTheSentenceWithMostTopicWords() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            TopicMatcher matcher = new TopicMatcher(index);
            Article a = article("Markets", "Stocks were flat. Oil prices rose as OPEC cut output sharply. "
                    + "Gold was steady.\n\nAnalysts expect more OPEC news.");
            String brief = matcher.sentences(a).bestFor(parser.parse("opec oil"));
            assertThat(brief).startsWith("Oil prices rose as OPEC cut output sharply.");
            assertThat(brief.length()).isLessThanOrEqualTo(PassagePicker.MAX_CHARS + 1);
        }
    }

    @Test
    void briefDoesNotBreakAfterAbbreviations() throws Exception {
        try (TopicIndex index = new TopicIndex(ByteBuffersDirectory::new, t -> 0)) {
            TopicMatcher matcher = new TopicMatcher(index);
            Article a = article("Trade", "Markets were calm. Mr. Yeutter said U.S. Exports of soybeans to the "
                    + "U.K. Rose in Jan. 1987 by a third. Nothing else changed in a long and quiet week for "
                    + "everybody who trades grain, oilseeds, meal, cotton, sugar and other farm goods.");
            String brief = matcher.sentences(a).bestFor(parser.parse("soybeans"));
            assertThat(brief).startsWith("Mr. Yeutter said U.S. Exports of soybeans to the U.K. Rose in Jan. 1987 "
                    + "by a third. Nothing else");
        }
    }
}
