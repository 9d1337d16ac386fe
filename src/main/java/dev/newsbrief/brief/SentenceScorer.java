package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the sentences of an article's passages for a briefing: the idf-weighted share of the
 * query's words a sentence holds, how close together they stand, a bonus for quoted speech when
 * the question asks what someone said, and a little of the article's and passage's own rank.
 * Over-long sentences are shortened at a word boundary.
 */
final class SentenceScorer {
    /** How much of its article's match a quoted sentence inherits in a "what did X say" question. */
    private static final double QUOTE_CONTEXT = 0.7;
    /** Words that make a question ask for what someone said: quoted speech then answers it best. */
    private static final Set<String> SPEECH_TERMS = Set.of("tell", "told", "sai", "said", "ask", "warn",
            "announc", "claim", "promis", "pledg", "speak", "spoke", "state", "messag", "respond", "repli", "vow");

    /** One sentence as a briefing could quote it, with where it came from and how well it answers. */
    record Candidate(ArticleHit article, int rank, int passage, int order, String text,
            List<SentenceTerms.Token> tokens, Set<String> terms, double score) {
    }

    private final SearchQueryBuilder analysis;
    private final int maxSentenceChars;

    SentenceScorer(SearchQueryBuilder analysis, int maxSentenceChars) {
        this.analysis = analysis;
        this.maxSentenceChars = maxSentenceChars;
    }

    /** Whether the analysed query words ask for what someone said ("what did X tell Y"). */
    static boolean asksWhatWasSaid(List<String> terms) {
        return terms.stream().anyMatch(SPEECH_TERMS::contains);
    }

    /** Every sentence of the article's loaded passages, scored against the query, best first. */
    List<Candidate> score(ArticleHit article, int rank, Set<String> wanted, Map<String, Double> idf,
            double totalWeight, boolean speech, List<String> sequence, double topScore) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double articleWeight = 0.15 * article.score() / topScore;
        // each passage is analysed once; each sentence takes its tokens from it by offset
        String language = article.first().language();
        List<List<SentenceTerms.Token>> analysed = new ArrayList<>();
        for (PassageHit p : article.passages()) {
            analysed.add(SentenceTerms.tokens(analysis, language, p.text()));
        }
        double articleCovered = -1;
        // the speech verb itself is left out: the quote is the saying, whatever verb the article used
        double topicWeight = Math.max(1e-9, wanted.stream().filter(w -> !SPEECH_TERMS.contains(w))
                .mapToDouble(w -> idf.getOrDefault(w, 1.0)).sum());
        for (int pi = 0; pi < article.passages().size(); pi++) {
            PassageHit p = article.passages().get(pi);
            int order = 0;
            String passage = p.text();
            List<SentenceTerms.Token> passageTokens = analysed.get(pi);
            int from = 0;
            for (String sentence : SentenceTerms.sentences(passage)) {
                order++;
                int at = passage.indexOf(sentence, from);
                if (at >= 0) {
                    from = at + sentence.length();
                }
                if (!seen.add(normalise(sentence)) || !sentence.codePoints().anyMatch(Character::isLetter)) {
                    continue;
                }
                String text = shorten(sentence);
                List<SentenceTerms.Token> tokens = sentenceTokens(language, passage, passageTokens, at, sentence, text);
                Set<String> terms = new LinkedHashSet<>();
                tokens.forEach(t -> terms.add(t.term()));
                double covered = 0;
                for (String w : wanted) {
                    if (terms.contains(w)) {
                        covered += idf.getOrDefault(w, 1.0);
                    }
                }
                double score = totalWeight > 0 ? covered / totalWeight : 0;
                score += 0.2 * proximity(tokens, sequence);
                if (speech && hasQuote(text) && namesTopic(terms, wanted)) {
                    // "what did Kim Jong Un tell Shoigu": the quote answers it though it names only
                    // "Kim"; who spoke to whom is set by the rest of the article, so its words count
                    if (articleCovered < 0) {
                        articleCovered = coverage(analysed, wanted, idf);
                    }
                    score = Math.max(score, QUOTE_CONTEXT * articleCovered / topicWeight) + 0.35;
                }
                if (text.length() < 40) {
                    score *= 0.5;
                }
                score += articleWeight * p.score() / Math.max(1e-9, article.first().score()) - 0.01 * order;
                out.add(new Candidate(article, rank, p.number(), order, text, tokens, terms, score));
            }
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return out;
    }

    /**
     * The tokens of {@code text} (the sentence found at {@code at} in {@code passage}, maybe
     * shortened), taken from the passage's tokens: analysis is per word (no token spans
     * whitespace), so a sentence, or a prefix of it ending before a space, has exactly the
     * passage's tokens inside its span. A sentence cut inside a word, not found, or with a token
     * crossing its edge is analysed on its own.
     */
    private List<SentenceTerms.Token> sentenceTokens(String language, String passage, List<SentenceTerms.Token> passageTokens, int at,
            String sentence, String text) {
        int span = text.length();
        if (span != sentence.length()) {
            span = text.length() - 1; // without the ellipsis
            if (span >= sentence.length() || !Character.isWhitespace(sentence.charAt(span))) {
                return SentenceTerms.tokens(analysis, language, text);
            }
        }
        if (at < 0) {
            return SentenceTerms.tokens(analysis, language, text);
        }
        int end = at + span;
        List<SentenceTerms.Token> out = new ArrayList<>();
        for (SentenceTerms.Token t : passageTokens) {
            if (t.end() <= at) {
                continue;
            }
            if (t.start() >= end) {
                break;
            }
            if (t.start() < at || t.end() > end) {
                return SentenceTerms.tokens(analysis, language, text);
            }
            out.add(new SentenceTerms.Token(t.term(), t.start() - at, t.end() - at));
        }
        return out;
    }

    /** The idf weight of the wanted terms that occur in any of {@code passages}. */
    private static double coverage(List<List<SentenceTerms.Token>> passages, Set<String> wanted,
            Map<String, Double> idf) {
        Set<String> present = new HashSet<>();
        passages.forEach(tokens -> tokens.forEach(t -> present.add(t.term())));
        double covered = 0;
        for (String w : wanted) {
            if (present.contains(w)) {
                covered += idf.getOrDefault(w, 1.0);
            }
        }
        return covered;
    }

    /** Whether the sentence names a wanted word beyond the speech verb ("said" is in most news sentences). */
    private static boolean namesTopic(Set<String> terms, Set<String> wanted) {
        for (String w : wanted) {
            if (terms.contains(w) && !SPEECH_TERMS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Share of adjacent query-word pairs that occur within three words of each other in the sentence. */
    private static double proximity(List<SentenceTerms.Token> tokens, List<String> sequence) {
        if (sequence.size() < 2) {
            return 0;
        }
        int pairs = 0;
        int near = 0;
        for (int i = 0; i + 1 < sequence.size(); i++) {
            pairs++;
            String a = sequence.get(i);
            String b = sequence.get(i + 1);
            outer:
            for (int x = 0; x < tokens.size(); x++) {
                if (!tokens.get(x).term().equals(a)) {
                    continue;
                }
                for (int y = Math.max(0, x - 3); y < Math.min(tokens.size(), x + 4); y++) {
                    if (y != x && tokens.get(y).term().equals(b)) {
                        near++;
                        break outer;
                    }
                }
            }
        }
        return (double) near / pairs;
    }

    private String shorten(String sentence) {
        int max = maxSentenceChars;
        if (sentence.length() <= max) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
            if (Character.isLowSurrogate(sentence.charAt(cut))) {
                cut--;
            }
        }
        return sentence.substring(0, cut).stripTrailing() + "\u2026";
    }

    private static boolean hasQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                return true;
            }
        }
        return false;
    }

    /** Lower-cased letters and digits, runs of anything else as one space (a regex here cost 3% of ask). */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean gap = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                    || type == Character.OTHER_NUMBER) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
