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
 * Chooses what a briefing says: the lead ({@link LeadChoice}: the sentence that best answers the
 * question among the top articles, preferring one holding the kind of answer asked for), then up
 * to {@code maxItems} items from distinct, non-duplicate articles ({@link ItemChoice}). Sentences
 * are scored by {@link SentenceScorer}, the contenders also by their meaning
 * ({@link MeaningJudge}) when the question was embedded; an article's sentences are
 * scored only when the lead or the items reach it.
 */
final class BriefingComposer {
    /** Articles whose sentences are read for the lead and the order of items (the answer re-ranks them). */
    private static final int EVIDENCE_ARTICLES = 8;
    private static final int MAX_ARTICLES_CONSIDERED = 30;

    private final SentenceScorer sentences;
    private final SearchQueryBuilder analysis;
    private final BriefOptions options;
    private final MeaningJudge meaning;

    /**
     * @param sentenceWeight     weight of a sentence's similarity to the question
     * @param sentenceCandidates sentences judged by that similarity per question
     */
    BriefingComposer(SearchQueryBuilder analysis, BriefOptions options, AnswerSpotter spotter, double sentenceWeight,
            int sentenceCandidates) {
        this.sentences = new SentenceScorer(analysis, options.maxSentenceChars(), spotter);
        this.analysis = analysis;
        this.meaning = new MeaningJudge(sentenceWeight, sentenceCandidates);
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

        // an article's sentences are scored only when the lead or the items reach it
        List<Candidate>[] scored = newCandidateTable(considered);
        IntFunction<List<Candidate>> perArticle = r -> {
            if (scored[r] == null) {
                scored[r] = sentences.score(ranked.get(r), r, view.apply(ranked.get(r)), topScore);
            }
            return scored[r];
        };

        int evidenceArticles = Math.min(EVIDENCE_ARTICLES, considered);
        if (similarity != null) {
            meaning.judge(perArticle, evidenceArticles, similarity, scored, view);
            if (!expectation.isEmpty()) {
                // agreement between articles is counted once their sentences are also judged by meaning:
                // on shared words alone, a story's recurring figures outvote the answer too often
                AnswerSupport.apply(perArticle, evidenceArticles, scored);
            }
        }

        List<Set<String>> chosen = new ArrayList<>();
        MarkedText lead = null;
        Candidate leadCandidate = null;
        if (withLead) {
            leadCandidate = LeadChoice.choose(perArticle, evidenceArticles, view);
            if (leadCandidate != null) {
                lead = mark(leadCandidate, view.apply(leadCandidate.article()).wanted());
                chosen.add(leadCandidate.terms());
            }
        }
        boolean found = leadCandidate != null && !expectation.isEmpty()
                && leadCandidate.answerFit() >= LeadChoice.FOUND;
        double bar = leadCandidate != null ? leadCandidate.score()
                : considered == 0 ? 0 : ItemChoice.best(perArticle.apply(0));
        int budget = options.maxChars() - (lead == null ? 0 : lead.text().length());
        ItemChoice.Chosen picked = new ItemChoice(options, ranked, considered, evidenceArticles, perArticle, view)
                .choose(leadCandidate, found, !expectation.isEmpty(), bar, budget, chosen);

        List<BriefItem> items = new ArrayList<>();
        int leadCitation = 0;
        for (ItemChoice.Slot slot : picked.slots()) {
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
        boolean moreLeft = moreBeyond || ranked.size() > picked.consumedIds().size();
        return new Composition(lead, leadCitation, items, picked.consumedIds(), moreLeft);
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
}
