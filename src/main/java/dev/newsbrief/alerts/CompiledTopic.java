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
        if (required.length > COUNT_MASK) {
            throw new IllegalArgumentException("too many terms in one topic: " + required.length);
        }
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

    /** Flag in a packed header: term checks passing is not enough, positions must be checked. */
    static final int POSITIONAL = 1 << 30;
    private static final int COUNT_MASK = 0xFFFF;
    static final int NO = 0;
    static final int YES = 1;
    static final int CHECK_POSITIONS = 2;

    /**
     * The term checks as a flat run of ints, {@code [header, required..., excludedCount, excluded...]},
     * so the presearcher's collector can test candidates from one array it walks in slot order,
     * which stays in cache where a hundred thousand small objects would not.
     */
    int[] packed() {
        int[] out = new int[2 + required.length + excluded.length];
        boolean positional = phraseTerms.length > 0 || excludedPhraseTerms.length > 0;
        out[0] = required.length | (positional ? POSITIONAL : 0);
        System.arraycopy(required, 0, out, 1, required.length);
        out[1 + required.length] = excluded.length;
        System.arraycopy(excluded, 0, out, 2 + required.length, excluded.length);
        return out;
    }

    /** Runs the packed term checks at {@code offset}: {@link #NO}, {@link #YES} or {@link #CHECK_POSITIONS}. */
    static int checkTerms(int[] packed, int offset, PreparedArticle article) {
        int header = packed[offset];
        int required = header & COUNT_MASK;
        int i = offset + 1;
        for (int end = i + required; i < end; i++) {
            if (!article.contains(packed[i])) {
                return NO;
            }
        }
        int excluded = packed[i++];
        for (int end = i + excluded; i < end; i++) {
            if (article.contains(packed[i])) {
                return NO;
            }
        }
        return (header & POSITIONAL) != 0 ? CHECK_POSITIONS : YES;
    }

    /** The phrase checks alone, for a topic whose term checks passed. */
    boolean matchesPositions(PreparedArticle article) {
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
        return matchesPositions(article);
    }

    private static int[][] terms(List<TopicPhrase> phrases, ToIntFunction<String> termId) {
        return phrases.stream().map(p -> p.terms().stream().mapToInt(termId).toArray()).toArray(int[][]::new);
    }

    private static int[][] offsets(List<TopicPhrase> phrases) {
        return phrases.stream().map(p -> p.positions().stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }
}
