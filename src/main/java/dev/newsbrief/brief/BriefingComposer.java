package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Chooses what a briefing says: the lead (the sentence that best answers the question among the
 * top articles), then up to {@code maxItems} items from distinct, non-duplicate articles with
 * their best 1–2 sentences, skipping any sentence that repeats one already chosen (MMR-style
 * redundancy removal), all within the character budget.
 */
final class BriefingComposer {
    private static final int LEAD_ARTICLES = 3;
    private static final int MAX_ARTICLES_CONSIDERED = 30;
    /** Words that make a question ask for what someone said: quoted speech then answers it best. */
    private static final Set<String> SPEECH_TERMS = Set.of("tell", "told", "sai", "said", "ask", "warn",
            "announc", "claim", "promis", "pledg", "speak", "spoke", "state", "messag", "respond", "repli", "vow");

    private final SearchQueryBuilder analysis;
    private final BriefOptions options;

    BriefingComposer(SearchQueryBuilder analysis, BriefOptions options) {
        this.analysis = analysis;
        this.options = options;
    }

    /** What was chosen, and which ranked articles it used up (shown or collapsed as duplicates). */
    record Composition(MarkedText lead, int leadCitation, List<BriefItem> items, List<String> consumedIds,
            boolean moreLeft) {
    }

    private record Candidate(ArticleHit article, int rank, int passage, int order, String text,
            List<SentenceTerms.Token> tokens, Set<String> terms, double score) {
    }

    /**
     * @param ranked        the articles to compose from, best first, passages loaded
     * @param moreBeyond    whether further ranked articles exist beyond {@code ranked}
     */
    Composition compose(AnalyzedQuery query, Map<String, Double> idf, List<ArticleHit> ranked, boolean withLead,
            int firstCitation, boolean moreBeyond) {
        Set<String> wanted = query.positiveTerms();
        double totalWeight = wanted.stream().mapToDouble(t -> idf.getOrDefault(t, 1.0)).sum();
        boolean speech = query.terms().stream().anyMatch(SPEECH_TERMS::contains);
        int considered = Math.min(ranked.size(), MAX_ARTICLES_CONSIDERED);
        double topScore = considered == 0 ? 1 : Math.max(1e-9, ranked.get(0).score());

        // an article's sentences are read and scored only when the lead or the items reach it
        List<Candidate>[] scored = newCandidateTable(considered);
        IntFunction<List<Candidate>> perArticle = r -> {
            if (scored[r] == null) {
                scored[r] = candidates(ranked.get(r), r, wanted, idf, totalWeight, speech, query.terms(), topScore);
            }
            return scored[r];
        };

        List<Set<String>> chosen = new ArrayList<>();
        Set<String> chosenTitles = new HashSet<>();
        MarkedText lead = null;
        Candidate leadCandidate = null;
        if (withLead) {
            leadCandidate = IntStream.range(0, Math.min(LEAD_ARTICLES, considered)).mapToObj(perArticle)
                    .flatMap(List::stream)
                    .filter(c -> c.score() > 0 && hasAny(c.terms(), wanted))
                    .max(Comparator.comparingDouble(c -> c.score() * (1 - 0.12 * c.rank()))).orElse(null);
            if (leadCandidate != null) {
                lead = mark(leadCandidate, wanted);
                chosen.add(leadCandidate.terms());
            }
        }
        int budget = options.maxChars() - (lead == null ? 0 : lead.text().length());

        List<BriefItem> items = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        int leadCitation = 0;
        int lastUsed = -1;
        List<Integer> order = new ArrayList<>();
        if (leadCandidate != null) {
            order.add(leadCandidate.rank());
        }
        for (int r = 0; r < considered; r++) {
            if (leadCandidate == null || r != leadCandidate.rank()) {
                order.add(r);
            }
        }
        for (int r : order) {
            if (items.size() == options.maxItems()) {
                break;
            }
            ArticleHit article = ranked.get(r);
            PassageHit first = article.first();
            String titleKey = normalise(first.title());
            boolean isLeadArticle = leadCandidate != null && r == leadCandidate.rank();
            List<Candidate> picked = pick(perArticle.apply(r), chosen, isLeadArticle);
            if (!isLeadArticle && (picked.isEmpty() || (!titleKey.isEmpty() && chosenTitles.contains(titleKey)))) {
                consumed.add(article.articleId());
                lastUsed = Math.max(lastUsed, r);
                continue;
            }
            int overhead = first.title().length() + (first.source() == null ? 0 : first.source().length()) + 16;
            List<Candidate> fitting = new ArrayList<>(picked);
            while (!fitting.isEmpty() && overhead + length(fitting) > budget) {
                fitting.remove(fitting.size() - 1);
            }
            if (overhead + length(fitting) > budget || (fitting.isEmpty() && !picked.isEmpty() && !items.isEmpty())) {
                if (items.isEmpty() && isLeadArticle) {
                    fitting.clear();
                } else {
                    break;
                }
            }
            budget -= overhead + length(fitting);
            fitting.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::order));
            fitting.forEach(c -> chosen.add(c.terms()));
            int number = firstCitation + items.size();
            if (isLeadArticle) {
                leadCitation = number;
            }
            items.add(new BriefItem(new Citation(number, article.articleId(), first.title(), first.source(),
                    first.published(), first.url()), join(fitting, wanted)));
            chosenTitles.add(titleKey);
            consumed.add(article.articleId());
            lastUsed = Math.max(lastUsed, r);
        }
        boolean moreLeft = moreBeyond || ranked.size() > consumed.size();
        return new Composition(lead, leadCitation, items, consumed, moreLeft);
    }

    @SuppressWarnings("unchecked")
    private static List<Candidate>[] newCandidateTable(int n) {
        return (List<Candidate>[]) new List<?>[n];
    }

    private List<Candidate> candidates(ArticleHit article, int rank, Set<String> wanted, Map<String, Double> idf,
            double totalWeight, boolean speech, List<String> sequence, double topScore) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double articleWeight = 0.15 * article.score() / topScore;
        for (PassageHit p : article.passages()) {
            int order = 0;
            String passage = p.text();
            // the passage is analysed once; each sentence takes its tokens from it by offset
            List<SentenceTerms.Token> passageTokens = SentenceTerms.tokens(analysis, passage);
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
                List<SentenceTerms.Token> tokens = sentenceTokens(passage, passageTokens, at, sentence, text);
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
                if (speech && covered > 0 && hasQuote(text)) {
                    score += 0.35;
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
    private List<SentenceTerms.Token> sentenceTokens(String passage, List<SentenceTerms.Token> passageTokens, int at,
            String sentence, String text) {
        int span = text.length();
        if (span != sentence.length()) {
            span = text.length() - 1; // without the ellipsis
            if (span >= sentence.length() || !Character.isWhitespace(sentence.charAt(span))) {
                return SentenceTerms.tokens(analysis, text);
            }
        }
        if (at < 0) {
            return SentenceTerms.tokens(analysis, text);
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
                return SentenceTerms.tokens(analysis, text);
            }
            out.add(new SentenceTerms.Token(t.term(), t.start() - at, t.end() - at));
        }
        return out;
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

    private List<Candidate> pick(List<Candidate> candidates, List<Set<String>> chosen, boolean isLeadArticle) {
        List<Candidate> out = new ArrayList<>();
        List<Set<String>> local = new ArrayList<>(chosen);
        boolean anyRelevant = candidates.stream().anyMatch(c -> c.score() > 0.1);
        for (Candidate c : candidates) {
            if (out.size() == options.sentencesPerItem()) {
                break;
            }
            if (anyRelevant && c.score() <= 0.1 && !out.isEmpty()) {
                break;
            }
            if (isLeadArticle && c.score() <= 0.1) {
                break;
            }
            if (local.stream().anyMatch(s -> jaccard(s, c.terms()) >= options.redundancy())) {
                continue;
            }
            out.add(c);
            local.add(c.terms());
        }
        return out;
    }

    private String shorten(String sentence) {
        int max = options.maxSentenceChars();
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

    private static int length(List<Candidate> cs) {
        return cs.stream().mapToInt(c -> c.text().length() + 1).sum();
    }

    private static MarkedText mark(Candidate c, Set<String> wanted) {
        List<MarkedText.Span> spans = new ArrayList<>();
        for (SentenceTerms.Token t : c.tokens()) {
            if (wanted.contains(t.term()) && (spans.isEmpty() || spans.get(spans.size() - 1).end() <= t.start())) {
                spans.add(new MarkedText.Span(t.start(), t.end()));
            }
        }
        return new MarkedText(c.text(), spans);
    }

    private static MarkedText join(List<Candidate> cs, Set<String> wanted) {
        StringBuilder sb = new StringBuilder();
        List<MarkedText.Span> spans = new ArrayList<>();
        for (Candidate c : cs) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            int offset = sb.length();
            MarkedText m = mark(c, wanted);
            m.marks().forEach(s -> spans.add(new MarkedText.Span(s.start() + offset, s.end() + offset)));
            sb.append(m.text());
        }
        return new MarkedText(sb.toString(), spans);
    }

    private static boolean hasAny(Set<String> terms, Set<String> wanted) {
        for (String w : wanted) {
            if (terms.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String s : a) {
            if (b.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
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
