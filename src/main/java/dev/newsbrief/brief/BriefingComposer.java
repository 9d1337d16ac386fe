package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.lang.Languages;
import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Chooses what a briefing says: the lead (the sentence that best answers the question among the
 * top articles, preferring one holding the kind of answer asked for), then up to
 * {@code maxItems} items from distinct, non-duplicate articles.
 * <ul>
 *   <li>Items come from articles whose relevance is not far below the best one's; an article that
 *       barely matches is left for "More" rather than shown as padding.</li>
 *   <li>Items are filled in passes so that more sources fit the character budget: first one
 *       sentence per article (a shorter, nearly-as-good sentence when the best one would crowd out
 *       the next items), then further sentences in rank order while room is left. The lead's
 *       article may give two more, so the best article can say two or three things.</li>
 *   <li>A briefing whose lead holds the asked-for answer may stay short; one that found no such
 *       sentence (or a keyword query) spends the rest of the budget on the best remaining evidence.</li>
 * </ul>
 * Any sentence that repeats one already chosen is skipped (MMR-style redundancy removal).
 * Sentences are scored by {@link SentenceScorer}.
 */
final class BriefingComposer {
    /** Articles whose sentences are read for the lead and the order of items (the answer re-ranks them). */
    private static final int EVIDENCE_ARTICLES = 8;
    private static final int MAX_ARTICLES_CONSIDERED = 30;
    /** A sentence scoring at most this says too little about the query to be quoted as a further point. */
    private static final double RELEVANT = 0.1;
    /** A shorter sentence may stand in for an article's best one if it scores at least this share of it. */
    private static final double NEARLY_AS_GOOD = 0.7;
    /** An item's article must show at least this share of the lead article's evidence. */
    private static final double ITEM_RELEVANCE = 0.45;
    /** An item's sentence must score at least this share of the lead's. */
    private static final double ITEM_SENTENCE = 0.35;
    /** A lead with at least this answer fit holds the answer asked for. */
    private static final double FOUND = 0.5;
    /** Further sentences beyond the first pass must score at least this share of the lead when the answer was found. */
    private static final double EXTRA_WHEN_FOUND = 0.6;
    /** Characters of a candidate sentence embedded to compare it with the question. */
    static final int MEANING_CHARS = 100;

    private final SentenceScorer sentences;
    private final SearchQueryBuilder analysis;
    private final BriefOptions options;
    private final double sentenceWeight;
    private final int sentenceCandidates;

    /**
     * @param sentenceWeight     weight of a sentence's similarity to the question
     * @param sentenceCandidates sentences judged by that similarity per question
     */
    BriefingComposer(SearchQueryBuilder analysis, BriefOptions options, AnswerSpotter spotter, double sentenceWeight,
            int sentenceCandidates) {
        this.sentences = new SentenceScorer(analysis, options.maxSentenceChars(), spotter);
        this.analysis = analysis;
        this.sentenceWeight = sentenceWeight;
        this.sentenceCandidates = sentenceCandidates;
        this.options = options;
    }

    /** What was chosen, and which ranked articles it used up (shown or collapsed as duplicates). */
    record Composition(MarkedText lead, int leadCitation, List<BriefItem> items, List<String> consumedIds,
            boolean moreLeft) {
    }

    /**
     * @param similarity    a sentence's semantic similarity to the question, or null when not available
     * @param ranked        the articles to compose from, best first, passages loaded
     * @param moreBeyond    whether further ranked articles exist beyond {@code ranked}
     */
    Composition compose(AnalyzedQuery query, Map<String, Double> idf, AnswerExpectation expectation,
            ToDoubleFunction<String> similarity, List<ArticleHit> ranked, boolean withLead, int firstCitation,
            boolean moreBeyond) {
        return compose(LanguageQueries.single(query), language -> idf, expectation, similarity, ranked, withLead,
                firstCitation, moreBeyond);
    }

    /**
     * Like {@link #compose(AnalyzedQuery, Map, AnswerExpectation, ToDoubleFunction, List, boolean, int,
     * boolean)} for a question searched in several languages: each article's sentences are weighed
     * against the question in the article's language, with that language's idf weights
     * ({@code idfOf}).
     */
    Composition compose(LanguageQueries queries, Function<String, Map<String, Double>> idfOf,
            AnswerExpectation expectation, ToDoubleFunction<String> similarity, List<ArticleHit> ranked,
            boolean withLead, int firstCitation, boolean moreBeyond) {
        Map<String, SentenceScorer.Query> views = new HashMap<>();
        Function<ArticleHit, SentenceScorer.Query> view = a -> views.computeIfAbsent(fieldLanguage(a.first().language()),
                l -> question(queries.in(l), idfOf.apply(l), expectation, l));
        int considered = Math.min(ranked.size(), MAX_ARTICLES_CONSIDERED);
        double topScore = considered == 0 ? 1 : Math.max(1e-9, ranked.get(0).score());

        // an article's sentences are read and scored only when the lead or the items reach it
        List<Candidate>[] scored = newCandidateTable(considered);
        IntFunction<List<Candidate>> perArticle = r -> {
            if (scored[r] == null) {
                scored[r] = sentences.score(ranked.get(r), r, view.apply(ranked.get(r)), topScore);
            }
            return scored[r];
        };

        if (similarity != null) {
            judgeMeaning(perArticle, Math.min(EVIDENCE_ARTICLES, considered), similarity, scored, view);
        }

        List<Set<String>> chosen = new ArrayList<>();
        Set<String> chosenTitles = new HashSet<>();
        MarkedText lead = null;
        Candidate leadCandidate = null;
        if (withLead) {
            leadCandidate = lead(perArticle, Math.min(EVIDENCE_ARTICLES, considered), view);
            if (leadCandidate != null) {
                lead = mark(leadCandidate, view.apply(leadCandidate.article()).wanted());
                chosen.add(leadCandidate.terms());
            }
        }
        boolean found = leadCandidate != null && !expectation.isEmpty() && leadCandidate.answerFit() >= FOUND;
        double bar = leadCandidate != null ? leadCandidate.score() : considered == 0 ? 0 : best(perArticle.apply(0));
        int budget = options.maxChars() - (lead == null ? 0 : lead.text().length());

        // the best-ranked articles in the order of what their sentences show (answer re-ranking),
        // the lead's first; the rest as ranked
        int read = Math.min(EVIDENCE_ARTICLES, considered);
        double[] evidence = new double[considered];
        for (int r = 0; r < read; r++) {
            evidence[r] = Math.max(0, best(perArticle.apply(r))) * discount(r);
        }
        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < considered; r++) {
            order.add(r);
        }
        Candidate leadOf = leadCandidate;
        order.sort(Comparator.comparingInt((Integer r) -> leadOf != null && r == leadOf.rank() ? 0 : 1)
                .thenComparingInt(r -> r < read ? 0 : 1)
                .thenComparingDouble(r -> r < read ? -evidence[r] : 0)
                .thenComparingInt(r -> r));
        double bestEvidence = leadCandidate != null ? evidence[leadCandidate.rank()]
                : read == 0 ? 0 : evidence[order.get(0)];

        // pass 1: one sentence per article, so that as many distinct sources as possible fit
        List<Slot> slots = new ArrayList<>();
        List<String> consumed = new ArrayList<>();
        for (int r : order) {
            if (slots.size() == options.maxItems()) {
                break;
            }
            PassageHit first = ranked.get(r).first();
            String titleKey = SentenceScorer.normalise(first.title());
            int overhead = overhead(first);
            if (leadCandidate != null && r == leadCandidate.rank()) {
                // the lead already quotes this article; when it holds the answer, the article's other
                // strong sentences come next, before other sources (it clearly holds the answer)
                Slot slot = new Slot(r, true, new ArrayList<>());
                slots.add(slot);
                chosenTitles.add(titleKey);
                consumed.add(ranked.get(r).articleId());
                budget -= overhead;
                while (slot.sentences().size() < options.sentencesPerItem()) {
                    Candidate extra = found ? extraSentence(perArticle.apply(r), view.apply(ranked.get(r)).wanted(),
                            slot.sentences(), chosen, budget, EXTRA_WHEN_FOUND * bar) : null;
                    if (extra == null && !expectation.isEmpty()) {
                        // the lead missed the kind of answer asked for: a sentence of its article that holds one
                        extra = answerSentence(perArticle.apply(r), slot.sentences(), chosen, budget);
                    }
                    if (extra == null) {
                        break;
                    }
                    budget -= extra.text().length() + 1;
                    chosen.add(extra.terms());
                    slot.sentences().add(extra);
                }
                continue;
            }
            if (!slots.isEmpty() && (r >= read || evidence[r] < ITEM_RELEVANCE * bestEvidence)) {
                break; // the rest say far less than the best article: shown on "More", not as padding
            }
            List<Candidate> openers = firstSentenceOptions(perArticle.apply(r), chosen, ITEM_SENTENCE * bar);
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

        // pass 2: further sentences, best items first, while they fit; the lead's article may give
        // two beside the lead. Once the answer is found only strong ones; otherwise the best
        // remaining evidence fills the budget.
        double extraBar = found ? EXTRA_WHEN_FOUND * bar : RELEVANT;
        for (int round = 0; round < options.sentencesPerItem(); round++) {
            for (Slot slot : slots) {
                if (slot.sentences().size() > round || slot.sentences().size() >= options.sentencesPerItem()) {
                    continue;
                }
                Candidate extra = extraSentence(perArticle.apply(slot.rank()), view.apply(ranked.get(slot.rank())).wanted(),
                        slot.sentences(), chosen, budget, slot.lead() ? Math.min(extraBar, bar * ITEM_SENTENCE) : extraBar);
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
                    first.published(), first.url(), first.language()), join(sentences, view.apply(article).wanted())));
        }
        boolean moreLeft = moreBeyond || ranked.size() > consumed.size();
        return new Composition(lead, leadCitation, items, consumed, moreLeft);
    }

    /** The question as sentences in {@code language} are scored against it. */
    private SentenceScorer.Query question(AnalyzedQuery query, Map<String, Double> idf, AnswerExpectation expectation,
            String language) {
        Set<String> focus = new HashSet<>();
        for (String w : expectation.focus()) {
            focus.addAll(analysis.analyse(w, language).terms());
        }
        return new SentenceScorer.Query(query.positiveTerms(), idf, query.terms(), expectation, focus,
                SentenceScorer.asksWhatWasSaid(query.terms()));
    }

    /** The language whose analysis an article's fields use: its own, or English for the plain fields. */
    private static String fieldLanguage(String language) {
        return PassageFields.isEnglishFields(language) ? Languages.ENGLISH : language;
    }

    /**
     * Adds the question-sentence similarity to the best few candidate sentences of the evidence
     * articles (each costs one embedding, so only the contenders are judged this way): shared words
     * miss a paraphrase ("before" for "previously"), meaning does not.
     */
    private void judgeMeaning(IntFunction<List<Candidate>> perArticle, int articles, ToDoubleFunction<String> similarity,
            List<Candidate>[] scored, Function<ArticleHit, SentenceScorer.Query> view) {
        // each article's list is best first and an article's discount is the same for all its sentences:
        // the best few overall are merged from the heads of the lists (the first article's on equal values)
        List<Candidate> judged = new ArrayList<>();
        int[] next = new int[articles];
        while (judged.size() < sentenceCandidates) {
            int from = -1;
            double value = 0;
            for (int r = 0; r < articles; r++) {
                List<Candidate> list = perArticle.apply(r);
                if (next[r] < list.size()) {
                    double v = list.get(next[r]).score() * discount(r);
                    if (from < 0 || v > value) {
                        from = r;
                        value = v;
                    }
                }
            }
            if (from < 0) {
                break;
            }
            judged.add(perArticle.apply(from).get(next[from]++));
        }
        Map<Candidate, Candidate> rescored = new java.util.IdentityHashMap<>();
        for (Candidate c : judged) {
            String meaning = meaningText(c, view.apply(c.article()).wanted());
            rescored.put(c, c.withScore(c.score() + sentenceWeight * similarity.applyAsDouble(meaning)));
        }
        for (int r = 0; r < articles; r++) {
            if (scored[r] != null) {
                scored[r] = RankedSentences.rescore(scored[r], rescored, sentenceCandidates);
            }
        }
    }

    /**
     * The part of a candidate sentence compared with the question: at most {@value #MEANING_CHARS}
     * characters, from its first query word when the sentence is longer. The model's time grows with
     * its input (about 2.7 ms for a 50-character question, 5 ms for 160 characters, 8 ms for 290
     * on this machine), and the words around the question's own say what the sentence is about.
     */
    static String meaningText(Candidate c, Set<String> wanted) {
        if (c.text().length() <= MEANING_CHARS) {
            return c.text();
        }
        int start = -1;
        int end = -1;
        for (SentenceTerms.Token t : c.tokens()) {
            if (wanted.contains(t.term())) {
                start = t.start();
                end = t.end();
                break;
            }
        }
        return SentenceWindow.of(c.text(), c.tokens(), MEANING_CHARS, start, end).text().replace("\u2026", "").strip();
    }

    /**
     * The lead: of the first {@code articles} articles' sentences, the one scoring best (its article's
     * rank discounted) that names the query or holds the answer asked for; the first of equals.
     * Each list is best first, so an article is read only down to its first such sentence.
     */
    private static Candidate lead(IntFunction<List<Candidate>> perArticle, int articles,
            Function<ArticleHit, SentenceScorer.Query> view) {
        Candidate lead = null;
        double leadValue = 0;
        for (int r = 0; r < articles; r++) {
            for (Candidate c : perArticle.apply(r)) {
                if (c.score() <= 0) {
                    break;
                }
                if (hasAny(c.terms(), view.apply(c.article()).wanted()) || c.answerFit() >= FOUND) {
                    double value = c.score() * discount(c.rank());
                    if (lead == null || value > leadValue) {
                        lead = c;
                        leadValue = value;
                    }
                    break;
                }
            }
        }
        return lead;
    }

    /** The best score of a best-first list of sentences, 0 when it is empty. */
    private static double best(List<Candidate> candidates) {
        return candidates.isEmpty() ? 0 : candidates.get(0).score();
    }

    /** How much an article's rank weighs on its sentences: 1 for the best, 0.59 for the eighth. */
    private static double discount(int rank) {
        return 1 / (1 + 0.1 * rank);
    }

    /** An item being filled: the article's rank, whether the lead came from it, its sentences so far. */
    private record Slot(int rank, boolean lead, List<Candidate> sentences) {
    }

    /** Characters an item costs beyond its sentences: its title, source and date line. */
    private static int overhead(PassageHit first) {
        return first.title().length() + (first.source() == null ? 0 : first.source().length()) + 16;
    }

    /**
     * The sentences that may open an item, best first: not repeating what was chosen, relevant
     * (above {@code floor}, when the article has any relevant sentence at all: an article can match
     * on its title only), and nearly as good as the best of them (the only ones {@link #choose} takes).
     */
    private List<Candidate> firstSentenceOptions(List<Candidate> candidates, List<Set<String>> chosen, double floor) {
        // best first: the first says whether any is relevant, and the relevant ones come before the rest
        boolean anyRelevant = best(candidates) > RELEVANT;
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if ((anyRelevant && c.score() <= Math.max(RELEVANT, floor))
                    || (!out.isEmpty() && c.score() < out.get(0).score() * NEARLY_AS_GOOD)) {
                break; // none further is relevant, or could stand in for the best (see choose)
            }
            if (!repeats(c, chosen)) {
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

    /**
     * The best further sentence of an item scoring above {@code floor} that repeats nothing and
     * fits {@code room}, or null.
     */
    private Candidate extraSentence(List<Candidate> candidates, Set<String> wanted, List<Candidate> already,
            List<Set<String>> chosen, int room, double floor) {
        for (Candidate c : candidates) {
            if (c.score() <= Math.max(RELEVANT, floor)) {
                break;
            }
            // a further sentence must name the query or hold the answer asked for, not just come from a
            // well-ranked article
            boolean onPoint = hasAny(c.terms(), wanted) || c.answerFit() >= FOUND;
            if (onPoint && !already.contains(c) && c.text().length() + 1 <= room && !repeats(c, chosen)) {
                return c;
            }
        }
        return null;
    }

    /** The best sentence holding a phrase of the asked-for type that repeats nothing and fits {@code room}, or null. */
    private Candidate answerSentence(List<Candidate> candidates, List<Candidate> already, List<Set<String>> chosen,
            int room) {
        for (Candidate c : candidates) {
            if (c.score() <= RELEVANT) {
                break; // best first: none further is relevant
            }
            if (c.answerFit() >= FOUND && !already.contains(c)
                    && c.text().length() + 1 <= room && !repeats(c, chosen)) {
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

}
