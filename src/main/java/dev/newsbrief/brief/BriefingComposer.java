package dev.newsbrief.brief;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.lang.Languages;
import dev.newsbrief.brief.SentenceScorer.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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
 * chosen is skipped (MMR-style redundancy removal). Sentences are scored by {@link SentenceScorer}.
 */
final class BriefingComposer {
    private static final int LEAD_ARTICLES = 3;
    private static final int MAX_ARTICLES_CONSIDERED = 30;
    /** A sentence scoring at most this says too little about the query to be quoted as a further point. */
    private static final double RELEVANT = 0.1;
    /** A shorter sentence may stand in for an article's best one if it scores at least this share of it. */
    private static final double NEARLY_AS_GOOD = 0.7;

    private final SentenceScorer sentences;
    private final BriefOptions options;

    BriefingComposer(SearchQueryBuilder analysis, BriefOptions options) {
        this.sentences = new SentenceScorer(analysis, options.maxSentenceChars());
        this.options = options;
    }

    /** What was chosen, and which ranked articles it used up (shown or collapsed as duplicates). */
    record Composition(MarkedText lead, int leadCitation, List<BriefItem> items, List<String> consumedIds,
            boolean moreLeft) {
    }

    /**
     * @param ranked        the articles to compose from, best first, passages loaded
     * @param moreBeyond    whether further ranked articles exist beyond {@code ranked}
     */
    Composition compose(AnalyzedQuery query, Map<String, Double> idf, List<ArticleHit> ranked, boolean withLead,
            int firstCitation, boolean moreBeyond) {
        return compose(LanguageQueries.single(query), language -> idf, ranked, withLead, firstCitation, moreBeyond);
    }

    /** The question as the composer weighs it in one language: its terms, their idf weights and total. */
    private record Wanted(AnalyzedQuery query, Set<String> terms, Map<String, Double> idf, double totalWeight,
            boolean speech) {
        static Wanted of(AnalyzedQuery query, Map<String, Double> idf) {
            Set<String> terms = query.positiveTerms();
            return new Wanted(query, terms, idf, terms.stream().mapToDouble(t -> idf.getOrDefault(t, 1.0)).sum(),
                    SentenceScorer.asksWhatWasSaid(query.terms()));
        }
    }

    /**
     * Like {@link #compose(AnalyzedQuery, Map, List, boolean, int, boolean)} for a question searched in
     * several languages: each article's sentences are weighed against the question in the
     * article's language, with that language's idf weights ({@code idfOf}).
     */
    Composition compose(LanguageQueries queries, java.util.function.Function<String, Map<String, Double>> idfOf,
            List<ArticleHit> ranked, boolean withLead, int firstCitation, boolean moreBeyond) {
        Map<String, Wanted> views = new java.util.HashMap<>();
        java.util.function.Function<ArticleHit, Wanted> view = a -> views.computeIfAbsent(
                fieldLanguage(a.first().language()), l -> Wanted.of(queries.in(l), idfOf.apply(l)));
        int considered = Math.min(ranked.size(), MAX_ARTICLES_CONSIDERED);
        double topScore = considered == 0 ? 1 : Math.max(1e-9, ranked.get(0).score());

        // an article's sentences are read and scored only when the lead or the items reach it
        List<Candidate>[] scored = newCandidateTable(considered);
        IntFunction<List<Candidate>> perArticle = r -> {
            if (scored[r] == null) {
                Wanted v = view.apply(ranked.get(r));
                scored[r] = sentences.score(ranked.get(r), r, v.terms(), v.idf(), v.totalWeight(), v.speech(),
                        v.query().terms(), topScore);
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
                    .filter(c -> c.score() > 0 && hasAny(c.terms(), view.apply(c.article()).terms()))
                    .max(Comparator.comparingDouble(c -> c.score() * (1 - 0.12 * c.rank()))).orElse(null);
            if (leadCandidate != null) {
                lead = mark(leadCandidate, view.apply(leadCandidate.article()).terms());
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
            String titleKey = SentenceScorer.normalise(first.title());
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
                Candidate extra = extraSentence(perArticle.apply(slot.rank()), view.apply(ranked.get(slot.rank())).terms(), slot.sentences(), chosen, budget);
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
                    first.published(), first.url(), first.language()), join(sentences, view.apply(article).terms())));
        }
        boolean moreLeft = moreBeyond || ranked.size() > consumed.size();
        return new Composition(lead, leadCitation, items, consumed, moreLeft);
    }

    /** The language whose analysis an article's fields use: its own, or English for the plain fields. */
    private static String fieldLanguage(String language) {
        return PassageFields.isEnglishFields(language) ? Languages.ENGLISH : language;
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
