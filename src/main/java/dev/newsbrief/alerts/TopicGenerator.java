package dev.newsbrief.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Makes realistic, distinct topics from a corpus for benchmarks and tests, the way people write
 * them: single words, two words that occur in one article, quoted two-word phrases taken from
 * the text, and any of those with an exclusion. Words are drawn from the middle of the document
 * frequency range (not everywhere, not once), like names, places and commodities people follow.
 */
public final class TopicGenerator {
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'-]{2,}");

    /** The text of one corpus document. */
    public record Text(String title, String body) {}

    /**
     * @param maxDocFraction words in more than this fraction of documents are too common to follow
     * @param minDocs        words in fewer documents are too rare to be realistic
     */
    public record Options(double maxDocFraction, int minDocs) {
        public static final Options DEFAULTS = new Options(0.05, 3);
    }

    private final TopicParser parser;
    private final Options options;

    public TopicGenerator(TopicParser parser, Options options) {
        this.parser = parser;
        this.options = options;
    }

    /** Up to {@code count} topics with distinct keys; fewer only when the corpus is too small. */
    public List<Topic> generate(List<Text> corpus, int count, long seed) {
        Random random = new Random(seed);
        List<List<String>> docWords = new ArrayList<>(corpus.size());
        Map<String, Integer> df = new HashMap<>();
        for (Text t : corpus) {
            List<String> words = words(t.title() + " " + t.body());
            docWords.add(words);
            new HashSet<>(lower(words)).forEach(w -> df.merge(w, 1, Integer::sum));
        }
        int maxDf = Math.max(options.minDocs(), (int) (corpus.size() * options.maxDocFraction()));
        Set<String> eligible = new HashSet<>();
        df.forEach((w, n) -> {
            if (n >= options.minDocs() && n <= maxDf && !EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(w)) {
                eligible.add(w);
            }
        });
        List<String> vocabulary = new ArrayList<>(eligible);
        vocabulary.sort(null);
        Map<String, Topic> out = new LinkedHashMap<>();
        if (vocabulary.isEmpty()) {
            return List.of();
        }
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 20L) {
            List<String> doc = docWords.get(random.nextInt(docWords.size()));
            List<String> usable = doc.stream().filter(w -> eligible.contains(w.toLowerCase(Locale.ROOT))).toList();
            String text;
            int kind = random.nextInt(100);
            if (kind < 25 || usable.size() < 2) {
                text = vocabulary.get(random.nextInt(vocabulary.size()));
            } else if (kind < 60) {
                text = usable.get(random.nextInt(usable.size())) + " " + usable.get(random.nextInt(usable.size()));
            } else {
                int at = random.nextInt(doc.size() - 1);
                text = '"' + doc.get(at) + " " + doc.get(at + 1) + '"';
            }
            if (random.nextInt(100) < 15) {
                text = text + " -" + vocabulary.get(random.nextInt(vocabulary.size()));
            }
            try {
                Topic topic = parser.parse(text);
                out.putIfAbsent(topic.key(), topic);
            } catch (InvalidTopicException e) {
                // a stop-word phrase or an exclusion that swallowed the topic: draw again
            }
        }
        return List.copyOf(out.values());
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> lower(List<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }
}
