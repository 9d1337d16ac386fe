package dev.newsbrief.alerts;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A topic compiled against the topic index's term dictionary, so that verifying it against an
 * article is a handful of bit tests instead of string lookups: required terms (phrase words
 * included) and excluded single terms as term ids, phrases as term ids with relative positions,
 * checked on the article's {@code MemoryIndex} postings only when all their words are present.
 */
final class CompiledTopic {
    private final Topic topic;
    private final int[] required;
    private final int[] excluded;
    private final int[][] phraseTerms;
    private final int[][] phraseOffsets;
    private final int[][] excludedPhraseTerms;
    private final int[][] excludedPhraseOffsets;

    CompiledTopic(Topic topic, ToIntFunction<String> termId) {
        this.topic = topic;
        this.required = topic.requiredTerms().stream().mapToInt(termId).toArray();
        this.excluded = topic.exclusions().stream().filter(p -> p.terms().size() == 1)
                .mapToInt(p -> termId.applyAsInt(p.terms().get(0))).toArray();
        List<TopicPhrase> excludedPhrases = topic.exclusions().stream().filter(p -> p.terms().size() > 1).toList();
        this.phraseTerms = terms(topic.phrases(), termId);
        this.phraseOffsets = offsets(topic.phrases());
        this.excludedPhraseTerms = terms(excludedPhrases, termId);
        this.excludedPhraseOffsets = offsets(excludedPhrases);
    }

    Topic topic() {
        return topic;
    }

    boolean matches(PreparedArticle article) {
        for (int id : required) {
            if (!article.contains(id)) {
                return false;
            }
        }
        for (int id : excluded) {
            if (article.contains(id)) {
                return false;
            }
        }
        for (int i = 0; i < phraseTerms.length; i++) {
            if (!article.containsPhrase(phraseTerms[i], phraseOffsets[i])) {
                return false;
            }
        }
        for (int i = 0; i < excludedPhraseTerms.length; i++) {
            if (article.containsPhrase(excludedPhraseTerms[i], excludedPhraseOffsets[i])) {
                return false;
            }
        }
        return true;
    }

    private static int[][] terms(List<TopicPhrase> phrases, ToIntFunction<String> termId) {
        return phrases.stream().map(p -> p.terms().stream().mapToInt(termId).toArray()).toArray(int[][]::new);
    }

    private static int[][] offsets(List<TopicPhrase> phrases) {
        return phrases.stream().map(p -> p.positions().stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }
}
