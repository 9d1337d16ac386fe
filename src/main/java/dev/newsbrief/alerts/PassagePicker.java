package dev.newsbrief.alerts;

import dev.newsbrief.index.SentenceSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chooses the 1–2 sentences of an article that best show why it matched a topic: the first
 * sentence holding the most of the topic's required terms, joined by the next one when both stay
 * short. Falls back to the lead sentence when the match was in the headline only.
 */
public final class PassagePicker {
    static final int TWO_SENTENCE_LIMIT = 280;
    static final int MAX_CHARS = 400;

    private static final int[] NONE = new int[0];

    private final Analyzer analyzer;

    PassagePicker(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The sentences of {@code body} (the one {@link SentenceSplitter}), paragraph by paragraph. */
    Sentences sentencesOf(String body) {
        return sentencesOf(body, TopicMatcher.FIELD);
    }

    /** The sentences of {@code body}, their terms analysed as {@code field} (the article's language). */
    Sentences sentencesOf(String body, String field) {
        List<String> out = new ArrayList<>();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            out.addAll(SentenceSplitter.sentences(paragraph.strip().replaceAll("\\s+", " ")));
        }
        return new Sentences(out, field);
    }

    /** The sentences of one article, with an index from each analysed term to the sentences holding it. */
    public final class Sentences {
        private final List<String> sentences;
        private final String field;
        private Map<String, int[]> sentencesByTerm;

        private Sentences(List<String> sentences, String field) {
            this.sentences = sentences;
            this.field = field;
        }

        public String bestFor(Topic topic) {
            if (sentences.isEmpty()) {
                return "";
            }
            int[] score = new int[sentences.size()];
            for (String t : topic.requiredTerms()) {
                for (int i : postings().getOrDefault(t, NONE)) {
                    score[i]++;
                }
            }
            int best = 0;
            for (int i = 1; i < score.length; i++) {
                if (score[i] > score[best]) {
                    best = i;
                }
            }
            String text = sentences.get(best);
            if (best + 1 < sentences.size()
                    && text.length() + 1 + sentences.get(best + 1).length() <= TWO_SENTENCE_LIMIT) {
                text = text + " " + sentences.get(best + 1);
            }
            return shorten(text);
        }

        private Map<String, int[]> postings() {
            if (sentencesByTerm == null) {
                Map<String, List<Integer>> lists = new HashMap<>();
                for (int i = 0; i < sentences.size(); i++) {
                    for (String term : analyse(sentences.get(i), field)) {
                        lists.computeIfAbsent(term, k -> new ArrayList<>(2)).add(i);
                    }
                }
                sentencesByTerm = new HashMap<>(lists.size() * 2);
                lists.forEach((k, v) -> sentencesByTerm.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            }
            return sentencesByTerm;
        }
    }

    private Set<String> analyse(String text, String field) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return out;
    }

    static String shorten(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_CHARS - 1);
        int end = cut > MAX_CHARS / 2 ? cut : MAX_CHARS - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip() + "…";
    }
}
