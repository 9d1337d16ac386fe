package dev.newsbrief.alerts;

import dev.newsbrief.index.AnalyzedTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A topic compiled against the topic index's term dictionary into one flat run of ints, so that
 * verifying it against an article is a handful of bit tests and, for phrases, position lookups
 * on the article's {@code MemoryIndex} postings — and so that the presearcher can keep every
 * topic's checks in one array it walks in slot order, which stays in cache where a hundred
 * thousand small objects would not. Layout:
 * {@code [header, required..., excludedCount, excluded..., phraseCount, phrase..., excludedPhraseCount, phrase...]}
 * where the header holds the required count and the {@link #POSITIONAL} flag, and a phrase is
 * {@code [length, termId, offset, termId, offset, ...]}.
 */
final class CompiledTopic {
    /** Header flag: the topic has phrase clauses, so positions must be checked. */
    static final int POSITIONAL = 1 << 30;
    private static final int COUNT_MASK = 0xFFFF;

    private final Topic topic;
    private final int[] packed;

    CompiledTopic(Topic topic, ToIntFunction<String> termId) {
        this.topic = topic;
        List<Integer> out = new ArrayList<>();
        List<String> required = List.copyOf(topic.requiredTerms());
        if (required.size() > COUNT_MASK) {
            throw new IllegalArgumentException("too many terms in one topic: " + required.size());
        }
        List<AnalyzedTerms> excludedTerms = topic.exclusions().stream().filter(p -> p.terms().size() == 1).toList();
        List<AnalyzedTerms> excludedPhrases = topic.exclusions().stream().filter(p -> p.terms().size() > 1).toList();
        boolean positional = !topic.phrases().isEmpty() || !excludedPhrases.isEmpty();
        out.add(required.size() | (positional ? POSITIONAL : 0));
        required.forEach(t -> out.add(termId.applyAsInt(t)));
        out.add(excludedTerms.size());
        excludedTerms.forEach(p -> out.add(termId.applyAsInt(p.terms().get(0))));
        addPhrases(out, topic.phrases(), termId);
        addPhrases(out, excludedPhrases, termId);
        this.packed = out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void addPhrases(List<Integer> out, List<AnalyzedTerms> phrases, ToIntFunction<String> termId) {
        out.add(phrases.size());
        for (AnalyzedTerms p : phrases) {
            out.add(p.terms().size());
            for (int i = 0; i < p.terms().size(); i++) {
                out.add(termId.applyAsInt(p.terms().get(i)));
                out.add(p.positions().get(i));
            }
        }
    }

    Topic topic() {
        return topic;
    }

    /** The checks to copy into the index's flat array. */
    int[] packed() {
        return packed.clone();
    }

    boolean matches(AnalyzedArticle article) {
        return matches(packed, 0, article);
    }

    /** Runs the checks stored at {@code offset} of {@code packed} against the article. */
    static boolean matches(int[] packed, int offset, AnalyzedArticle article) {
        int header = packed[offset];
        int i = offset + 1;
        for (int end = i + (header & COUNT_MASK); i < end; i++) {
            if (!article.contains(packed[i])) {
                return false;
            }
        }
        int excluded = packed[i++];
        for (int end = i + excluded; i < end; i++) {
            if (article.contains(packed[i])) {
                return false;
            }
        }
        if ((header & POSITIONAL) == 0) {
            return true;
        }
        int phrases = packed[i++];
        for (int p = 0; p < phrases; p++) {
            int length = packed[i++];
            if (!article.containsPhrase(packed, i, length)) {
                return false;
            }
            i += 2 * length;
        }
        int excludedPhrases = packed[i++];
        for (int p = 0; p < excludedPhrases; p++) {
            int length = packed[i++];
            if (article.containsPhrase(packed, i, length)) {
                return false;
            }
            i += 2 * length;
        }
        return true;
    }
}
