package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores the sentences of an article's passages for a briefing. A sentence answers well when it
 * <ul>
 *   <li>holds the query's words (idf-weighted; a word it lacks but the article's headline or
 *       opening sentence names counts for a part, since news sentences rarely repeat the subject,
 *       and so does a German compound's head or another ending of the word, {@link WordForms});</li>
 *   <li>holds them close together;</li>
 *   <li>holds a phrase of the type the question asks for ({@link AnswerType}: the amount for
 *       "how much", the name for "who") that is not one of the question's own words, near them;</li>
 *   <li>is quoted speech when the question asks what someone said;</li>
 * </ul>
 * plus a little of the article's and passage's own rank. Over-long sentences are shortened
 * around their answer ({@link SentenceWindow}).
 */
final class SentenceScorer {
    /** How much of its article's match a quoted sentence inherits in a "what did X say" question. */
    private static final double QUOTE_CONTEXT = 0.7;
    /**
     * Share of a query word's weight given when only the article's headline or opening names it;
     * a question asking for a detail gets more (its subject is set by the article, the detail sits
     * in a later sentence that no longer names it).
     */
    private static final double CONTEXT_SHARE = 0.35;
    private static final double CONTEXT_SHARE_FOR_DETAIL = 0.4;
    /** Weight of the answer-type match in a sentence's score. */
    private static final double TYPE_WEIGHT = 0.5;
    /** Taken off a sentence that holds no phrase of the type a clear question asks for. */
    private static final double NO_ANSWER_PENALTY = 0.1;
    /** Words that make a question ask for what someone said: quoted speech then answers it best. */
    private static final Set<String> SPEECH_TERMS = Set.of("tell", "told", "sai", "said", "ask", "warn",
            "announc", "claim", "promis", "pledg", "speak", "spoke", "state", "messag", "respond", "repli", "vow");

    /**
     * One sentence as a briefing could quote it, with where it came from and how well it answers;
     * {@code answerFit} is how well its best phrase fits the asked-for answer type (0 when none),
     * {@code answer} that phrase ("" when none).
     */
    record Candidate(ArticleHit article, int rank, int passage, int order, String text,
            List<SentenceTerms.Token> tokens, Set<String> terms, double score, double answerFit, String answer) {
        Candidate(ArticleHit article, int rank, int passage, int order, String text, List<SentenceTerms.Token> tokens,
                Set<String> terms, double score, double answerFit) {
            this(article, rank, passage, order, text, tokens, terms, score, answerFit, "");
        }

        Candidate withScore(double newScore) {
            return new Candidate(article, rank, passage, order, text, tokens, terms, newScore, answerFit, answer);
        }
    }

    /**
     * What a sentence is scored against.
     *
     * @param wanted      the query's positive terms
     * @param idf         their idf weights
     * @param sequence    the query's terms in typed order (for proximity)
     * @param expectation the answer type asked for
     * @param focus       analysed words of what the question counts or measures ("shares"), maybe empty
     * @param speech      whether the question asks what someone said
     */
    record Query(Set<String> wanted, Map<String, Double> idf, List<String> sequence, AnswerExpectation expectation,
            Set<String> focus, boolean speech) {
        double totalWeight() {
            return wanted.stream().mapToDouble(t -> idf.getOrDefault(t, 1.0)).sum();
        }
    }

    private final SearchQueryBuilder analysis;
    private final int maxSentenceChars;
    private final AnswerFit fits;

    SentenceScorer(SearchQueryBuilder analysis, int maxSentenceChars, AnswerSpotter spotter) {
        this.analysis = analysis;
        this.maxSentenceChars = maxSentenceChars;
        this.fits = new AnswerFit(spotter);
    }

    /** Whether the analysed query words ask for what someone said ("what did X tell Y"). */
    static boolean asksWhatWasSaid(List<String> terms) {
        return terms.stream().anyMatch(SPEECH_TERMS::contains);
    }

    /**
     * Every sentence of the article's loaded passages, scored against the query, best first; each
     * is finished (its answer phrase spotted) only when the list is read that far ({@link RankedSentences}).
     */
    List<Candidate> score(ArticleHit article, int rank, Query q, double topScore) {
        List<RankedSentences.Draft> drafts = new ArrayList<>();
        Set<AnswerType> asked = AnswerFit.asked(q.expectation());
        Set<String> seen = new HashSet<>();
        Set<String> wanted = q.wanted();
        Map<String, Double> idf = q.idf();
        double totalWeight = q.totalWeight();
        double articleWeight = 0.15 * article.score() / topScore;
        // each passage is analysed once (at index time, when the index recorded it), in the article's
        // language; each sentence takes its tokens from it by offset
        String language = article.first().language();
        List<List<SentenceTerms.Token>> analysed = new ArrayList<>();
        List<List<String>> split = new ArrayList<>();
        for (PassageHit p : article.passages()) {
            SentenceTerms.Analysed passage = SentenceTerms.of(analysis, language, p);
            analysed.add(passage.tokens());
            split.add(passage.sentences());
        }
        Set<String> context = contextTerms(article, language, analysed, split);
        double contextShare = CONTEXT_SHARE + CONTEXT_SHARE_FOR_DETAIL * q.expectation().confidence();
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
            for (String sentence : split.get(pi)) {
                order++;
                int at = passage.indexOf(sentence, from);
                if (at >= 0) {
                    from = at + sentence.length();
                }
                if (!seen.add(SentenceKey.of(sentence)) || !SentenceKey.hasLetter(sentence)) {
                    continue;
                }
                List<SentenceTerms.Token> full = sentenceTokens(language, passage, passageTokens, at, sentence);
                Set<String> fullTerms = new HashSet<>(2 * full.size());
                for (SentenceTerms.Token t : full) {
                    fullTerms.add(t.term());
                }
                double covered = 0;
                for (String w : wanted) {
                    if (fullTerms.contains(w)) {
                        covered += idf.getOrDefault(w, 1.0);
                    } else {
                        // a German compound or ending the analysis keeps apart ("Schaden" for "Sachschaden")
                        double share = Math.max(context.contains(w) ? contextShare : 0,
                                WordForms.share(language, w, fullTerms));
                        covered += share * idf.getOrDefault(w, 1.0);
                    }
                }
                double score = totalWeight > 0 ? covered / totalWeight : 0;
                score += 0.2 * proximity(full, q.sequence());
                if (q.speech() && hasQuote(sentence) && namesTopic(fullTerms, wanted)) {
                    // "what did Kim Jong Un tell Shoigu": the quote answers it though it names only
                    // "Kim"; who spoke to whom is set by the rest of the article, so its words count
                    if (articleCovered < 0) {
                        articleCovered = coverage(analysed, wanted, idf);
                    }
                    score = Math.max(score, QUOTE_CONTEXT * articleCovered / topicWeight) + 0.35;
                }
                // the answer fit (spotting the sentence's phrases) waits until the list is read this far
                double pre = score;
                boolean brief = sentence.length() < 40;
                double post = articleWeight * p.score() / Math.max(1e-9, article.first().score()) - 0.01 * order;
                int number = p.number();
                int position = order;
                double most = asked.isEmpty() ? 0
                        : AnswerFit.most(sentence, full, wanted, q.expectation(), asked, language);
                double upper = finalScore(pre, most, brief, post, q.expectation());
                drafts.add(new RankedSentences.Draft(drafts.size(), upper, () -> {
                    AnswerFit.Fit fit = most == 0 ? AnswerFit.Fit.NONE
                            : fits.best(sentence, full, wanted, q.focus(), q.expectation(), language);
                    double value = finalScore(pre, fit.value(), brief, post, q.expectation());
                    SentenceWindow.Shown shown = SentenceWindow.of(sentence, full, maxSentenceChars, fit.start(),
                            fit.end());
                    Set<String> terms = new LinkedHashSet<>();
                    shown.tokens().forEach(t -> terms.add(t.term()));
                    return new Candidate(article, rank, number, position, shown.text(), shown.tokens(), terms, value,
                            fit.value(), fit.start() < 0 ? "" : sentence.substring(fit.start(), fit.end()));
                }));
            }
        }
        return new RankedSentences(drafts);
    }

    /** A sentence's score from its score without the answer fit ({@code pre}), the fit, its length and rank part. */
    private static double finalScore(double pre, double fit, boolean brief, double post, AnswerExpectation expectation) {
        double score = pre;
        if (!expectation.isEmpty()) {
            score += TYPE_WEIGHT * fit;
            if (fit == 0) {
                score -= NO_ANSWER_PENALTY * expectation.confidence();
            }
        }
        if (brief) {
            score *= 0.5;
        }
        score += post;
        return score;
    }

    /**
     * The analysed words of the article's headline and opening sentence: what its other sentences
     * are about. The opening sentence's words come from its passage's tokens and sentences
     * ({@code analysed}, {@code split}, by passage), as its own sentence's do.
     */
    private Set<String> contextTerms(ArticleHit article, String language, List<List<SentenceTerms.Token>> analysed,
            List<List<String>> split) {
        Set<String> out = new HashSet<>();
        PassageHit first = article.first();
        SentenceTerms.tokens(analysis, language, first.title()).forEach(t -> out.add(t.term()));
        for (int pi = 0; pi < article.passages().size(); pi++) {
            PassageHit p = article.passages().get(pi);
            if (p.number() == 0 && !split.get(pi).isEmpty()) {
                String opening = split.get(pi).get(0);
                sentenceTokens(language, p.text(), analysed.get(pi), p.text().indexOf(opening), opening)
                        .forEach(t -> out.add(t.term()));
            }
        }
        return out;
    }

    /**
     * The tokens of {@code sentence} (found at {@code at} in {@code passage}), offsets into the
     * sentence, taken from the passage's tokens: analysis is per word (no token spans whitespace),
     * so a sentence has exactly the passage's tokens inside its span. A sentence not found, or
     * with a token crossing its edge, is analysed on its own.
     */
    private List<SentenceTerms.Token> sentenceTokens(String language, String passage,
            List<SentenceTerms.Token> passageTokens, int at, String sentence) {
        if (at < 0) {
            return SentenceTerms.tokens(analysis, language, sentence);
        }
        int end = at + sentence.length();
        List<SentenceTerms.Token> out = new ArrayList<>();
        for (SentenceTerms.Token t : passageTokens) {
            if (t.end() <= at) {
                continue;
            }
            if (t.start() >= end) {
                break;
            }
            if (t.start() < at || t.end() > end) {
                return SentenceTerms.tokens(analysis, language, sentence);
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

    private static boolean hasQuote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                return true;
            }
        }
        return false;
    }
}
