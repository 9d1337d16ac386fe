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
 * top articles), then up to {@code maxItems} items from distinct, non-duplicate articles. Items
 * are filled in two passes so that more sources fit the character budget: first one sentence per
 * article (a shorter, nearly-as-good sentence when the best one would crowd out the next items),
 * then second sentences in rank order while room is left. Any sentence that repeats one already
 * chosen is skipped (MMR-style redundancy removal). Sentence scoring and item allocation stay in
 * one class (hence its length) because both read the same lazily scored candidate table.
 */
final class BriefingComposer {
    private static final int LEAD_ARTICLES = 3;
    private static final int MAX_ARTICLES_CONSIDERED = 30;
    /** A sentence scoring at most this says too little about the query to be quoted as a further point. */
    private static final double RELEVANT = 0.1;
    /** A shorter sentence may stand in for an article's best one if it scores at least this share of it. */
    private static final double NEARLY_AS_GOOD = 0.7;
    /** How much of its article's match a quoted sentence inherits in a "what did X say" question. */
    private static final double QUOTE_CONTEXT = 0.7;
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

        // pass 1: one sentence per article, so that as many distinct sources as possible fit
        List<Slot> slots = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
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
            if (slots.size() == options.maxItems()) {
                break;
            }
            PassageHit first = ranked.get(r).first();
            String titleKey = normalise(first.title());
            int overhead = overhead(first);
            if (leadCandidate != null && r == leadCandidate.rank()) {
                // the lead already quotes this article: a further sentence only if room is left at the end
                slots.add(new Slot(r, true, new ArrayList<>()));
                chosenTitles.add(titleKey);
                consumed.add(ranked.get(r).articleId());
                budget -= overhead;
                continue;
            }
            List<Candidate> openers = firstSentenceOptions(perArticle.apply(r), chosen);
            if (openers.isEmpty() || (!titleKey.isEmpty() && chosenTitles.contains(titleKey))) {
                consumed.add(ranked.get(r).articleId()); // nothing new to say: a duplicate or a repeat
                continue;
            }
            int slotsLeft = options.maxItems() - slots.size();
            int share = (budget - overhead * slotsLeft) / slotsLeft;
            Candidate pickedSentence = choose(openers, share, budget - overhead);
            if (pickedSentence == null) {
                continue; // too long for what is left; a later page can show it
            }
            budget -= overhead + pickedSentence.text().length() + 1;
            chosen.add(pickedSentence.terms());
            chosenTitles.add(titleKey);
            consumed.add(ranked.get(r).articleId());
            slots.add(new Slot(r, false, new ArrayList<>(List.of(pickedSentence))));
        }

        // pass 2: second sentences (for the lead's article, a first one), best items first, while they fit
        for (int round = 0; round < options.sentencesPerItem(); round++) {
            for (Slot slot : slots) {
                int most = slot.lead() ? options.sentencesPerItem() - 1 : options.sentencesPerItem();
                if (slot.sentences().size() > round || slot.sentences().size() >= most) {
                    continue;
                }
                Candidate extra = extraSentence(perArticle.apply(slot.rank()), wanted, slot.sentences(), chosen, budget);
                if (extra != null) {
                    budget -= extra.text().length() + 1;
                    chosen.add(extra.terms());
                    slot.sentences().add(extra);
                }
            }
        }

        List<BriefItem> items = new ArrayList<>();
        int leadCitation = 0;
        for (Slot slot : slots) {
            ArticleHit article = ranked.get(slot.rank());
            PassageHit first = article.first();
            int number = firstCitation + items.size();
            if (slot.lead()) {
                leadCitation = number;
            }
            List<Candidate> sentences = new ArrayList<>(slot.sentences());
            sentences.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::order));
            items.add(new BriefItem(new Citation(number, article.articleId(), first.title(), first.source(),
                    first.published(), first.url()), join(sentences, wanted)));
        }
        boolean moreLeft = moreBeyond || ranked.size() > consumed.size();
        return new Composition(lead, leadCitation, items, consumed, moreLeft);
    }

    /** An item being filled: the article's rank, whether the lead came from it, its sentences so far. */
    private record Slot(int rank, boolean lead, List<Candidate> sentences) {
    }

    /** Characters an item costs beyond its sentences: its title, source and date line. */
    private static int overhead(PassageHit first) {
        return first.title().length() + (first.source() == null ? 0 : first.source().length()) + 16;
    }

    /**
     * The sentences that may open an item, best first: not repeating what was chosen, and relevant
     * (when the article has any relevant sentence at all: an article can match on its title only).
     */
    private List<Candidate> firstSentenceOptions(List<Candidate> candidates, List<Set<String>> chosen) {
        boolean anyRelevant = candidates.stream().anyMatch(c -> c.score() > RELEVANT);
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if ((!anyRelevant || c.score() > RELEVANT) && !repeats(c, chosen)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The best option within {@code share} characters, so later items still fit; else the shortest
     * nearly-as-good one within {@code room}; null when none fits. "Nearly as good" keeps a short
     * but off-point sentence from replacing the one that answers.
     */
    private static Candidate choose(List<Candidate> options, int share, int room) {
        double good = options.get(0).score() * NEARLY_AS_GOOD;
        Candidate shortest = null;
        for (Candidate c : options) {
            if (c.score() < good) {
                break;
            }
            int length = c.text().length() + 1;
            if (length <= share) {
                return c;
            }
            if (length <= room && (shortest == null || length < shortest.text().length() + 1)) {
                shortest = c;
            }
        }
        if (shortest == null && options.get(0).text().length() + 1 <= room) {
            return options.get(0);
        }
        return shortest;
    }

    /** The best further relevant sentence of an item that repeats nothing and fits {@code room}, or null. */
    private Candidate extraSentence(List<Candidate> candidates, Set<String> wanted, List<Candidate> already,
            List<Set<String>> chosen, int room) {
        for (Candidate c : candidates) {
            if (c.score() <= RELEVANT) {
                break;
            }
            // a further sentence must name the query itself, not just come from a well-ranked article
            if (hasAny(c.terms(), wanted) && !already.contains(c) && c.text().length() + 1 <= room && !repeats(c, chosen)) {
                return c;
            }
        }
        return null;
    }

    private boolean repeats(Candidate c, List<Set<String>> chosen) {
        for (Set<String> s : chosen) {
            if (jaccard(s, c.terms()) >= options.redundancy()) {
                return true;
            }
        }
        return false;
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
        // each passage is analysed once; each sentence takes its tokens from it by offset
        List<List<SentenceTerms.Token>> analysed = new ArrayList<>();
        for (PassageHit p : article.passages()) {
            analysed.add(SentenceTerms.tokens(analysis, p.text()));
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
