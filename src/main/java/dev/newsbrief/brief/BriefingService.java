package dev.newsbrief.brief;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.DenseSearch;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Answers a query with a {@link Briefing}: understand the text, analyse it with the index's
 * analyzer, correct unknown words from the index's vocabulary, retrieve passages with BM25, group
 * them by article and compose the lead and items. The same {@link #rankArticles} path serves the
 * BEIR evaluation, so the measured ranking is the one users get. Thread-safe.
 */
public final class BriefingService {
    /** Articles whose passages are read to compose one briefing or "More" page. */
    private static final int COMPOSED = 8;

    private final PassageIndex index;
    private final QueryUnderstanding understanding;
    private final SearchQueryBuilder builder;
    private final PassageRetriever retriever;
    private final DidYouMean didYouMean;
    private final ArticleSearch search;
    private final BriefingComposer composer;
    private final TopicText topics;
    private final QueryLanguages languages;
    private final QuestionClassifier classifier = new QuestionClassifier();
    private final DenseSearch dense;
    private final BriefOptions options;
    private final Coverage coverage;
    private final Timer queryLatency;

    public BriefingService(PassageIndex index, Analyzer analyzer, Clock clock, BriefOptions options) {
        this(index, analyzer, clock, options, new CompositeMeterRegistry());
    }

    /** @param metrics where the latency of {@link #ask} and {@link #more} is recorded ({@code newsbrief.query.latency}) */
    public BriefingService(PassageIndex index, Analyzer analyzer, Clock clock, BriefOptions options,
            MeterRegistry metrics) {
        this(index, analyzer, clock, options, metrics, LanguageDetector::shared, LanguageOptions.DEFAULTS);
    }

    /**
     * @param analyzer  the index's analysis ({@link dev.newsbrief.index.LanguageAnalyzers}, by field)
     * @param detector  the language detector, asked for only when the index holds several languages
     * @param languages how questions are weighed across languages
     */
    public BriefingService(PassageIndex index, Analyzer analyzer, Clock clock, BriefOptions options,
            MeterRegistry metrics, Supplier<LanguageDetector> detector, LanguageOptions languages) {
        this(index, analyzer, clock, options, metrics, detector, languages, DenseSearch.off(), Coverage.NONE);
    }

    /** @param coverage which articles tell one story (BM25 alone: no dense retrieval) */
    public BriefingService(PassageIndex index, Analyzer analyzer, Clock clock, BriefOptions options,
            MeterRegistry metrics, Supplier<LanguageDetector> detector, LanguageOptions languages,
            Coverage coverage) {
        this(index, analyzer, clock, options, metrics, detector, languages, DenseSearch.off(), coverage);
    }

    /**
     * @param dense    vector search fused with BM25 and question-sentence similarity; {@link DenseSearch#off()}
     *                 answers with BM25 alone
     * @param coverage which articles tell one story: a briefing's items are distinct stories, and
     *                 each names the other outlets that reported it
     */
    public BriefingService(PassageIndex index, Analyzer analyzer, Clock clock, BriefOptions options,
            MeterRegistry metrics, Supplier<LanguageDetector> detector, LanguageOptions languages, DenseSearch dense,
            Coverage coverage) {
        this.coverage = coverage;
        this.queryLatency = Timer.builder("newsbrief.query.latency")
                .description("answering a question: search and briefing").register(metrics);
        this.index = index;
        this.options = options;
        this.understanding = new QueryUnderstanding(clock);
        this.builder = new SearchQueryBuilder(analyzer, options.ranking(), clock);
        this.retriever = new PassageRetriever(options.ranking());
        SpellingCorrector speller = new SpellingCorrector(builder);
        this.topics = new TopicText(builder);
        this.didYouMean = new DidYouMean(speller, builder, topics);
        this.languages = new QueryLanguages(builder, detector, languages);
        this.dense = dense;
        this.search = new ArticleSearch(builder, retriever, speller, this.languages, dense);
        this.composer = new BriefingComposer(builder, options, new AnswerSpotter(Places.load()),
                dense.options().sentenceWeight(), dense.options().sentenceCandidates());
    }

    /**
     * The service the product runs: analysis per language ({@link LanguageAnalyzers}, by field), the
     * process's shared language detector, and {@code languages} to weigh a question's languages.
     */
    public static BriefingService multilingual(PassageIndex index, Clock clock, BriefOptions options,
            MeterRegistry metrics, LanguageOptions languages) {
        return multilingual(index, clock, options, metrics, languages, DenseSearch.off(), Coverage.NONE);
    }

    /** Like {@link #multilingual(PassageIndex, Clock, BriefOptions, MeterRegistry, LanguageOptions)} with dense retrieval. */
    public static BriefingService multilingual(PassageIndex index, Clock clock, BriefOptions options,
            MeterRegistry metrics, LanguageOptions languages, DenseSearch dense) {
        return multilingual(index, clock, options, metrics, languages, dense, Coverage.NONE);
    }

    /**
     * Like {@link #multilingual(PassageIndex, Clock, BriefOptions, MeterRegistry, LanguageOptions)} with dense
     * retrieval ({@link DenseSearch#off()}: BM25 alone) over stories ({@link Coverage#NONE}: none).
     */
    public static BriefingService multilingual(PassageIndex index, Clock clock, BriefOptions options,
            MeterRegistry metrics, LanguageOptions languages, DenseSearch dense, Coverage coverage) {
        return new BriefingService(index, new LanguageAnalyzers(), clock, options, metrics, LanguageDetector::shared,
                languages, dense, coverage);
    }

    /** The dense side (vector search, embeddings), for benchmarks that report its share of the time. */
    public DenseSearch dense() {
        return dense;
    }

    public BriefOptions options() {
        return options;
    }

    /** The query-understanding half, for callers (alerts) that match topics themselves. */
    public QueryUnderstanding understanding() {
        return understanding;
    }

    /** The query builder over the shared analyzer, for callers (alerts) that match topics themselves. */
    public SearchQueryBuilder queryBuilder() {
        return builder;
    }

    /** A briefing for {@code text}; never throws on bad input (empty, hostile or unmatched text). */
    public Briefing ask(String text) {
        return ask(text, null);
    }

    /**
     * A briefing for {@code text} from a user whose language is {@code languageHint} (Telegram's
     * {@code language_code}, a chat's language; null when unknown): the likely languages of the
     * question are searched, weighted.
     */
    public Briefing ask(String text, String languageHint) {
        return queryLatency.record(() -> {
            UserQuery user = understanding.understand(text);
            return index.withSearcher(searcher -> answer(searcher, user, languageHint, List.of(), true));
        });
    }

    /** The next items for the query behind {@code cursor}, repeating none already shown. */
    public Briefing more(String cursor) {
        return more(cursor, null);
    }

    /** Like {@link #more(String)} for a user whose language is {@code languageHint}. */
    public Briefing more(String cursor, String languageHint) {
        Optional<BriefCursor> decoded = BriefCursor.decode(cursor);
        if (decoded.isEmpty()) {
            return new Briefing(Briefing.Kind.EXHAUSTED, "", null, 0, List.of(), null, List.of(), null, "", null);
        }
        BriefCursor c = decoded.get();
        return queryLatency.record(() -> {
            UserQuery user = understanding.understand(c.query());
            return index.withSearcher(searcher -> answer(searcher, user, languageHint, c.shownArticleIds(), false));
        });
    }

    /** Article ids best first, up to {@code limit}: the ranking {@link #ask} composes from. */
    public List<String> rankArticles(String text, int limit) {
        return rankArticles(text, null, limit);
    }

    /** Like {@link #rankArticles(String, int)} for a user whose language is {@code languageHint}. */
    public List<String> rankArticles(String text, String languageHint, int limit) {
        UserQuery user = understanding.understand(text);
        return index.withSearcher(shared -> {
            Optional<Searched> s = search.search(retriever.scoring(shared), user, languageHint, limit);
            return s.map(found -> found.ranked().stream().limit(limit).map(PassageRetriever.Ranked::articleId)
                    .toList()).orElse(List.of());
        });
    }

    /** The newest {@code n} articles, on {@code topic} when it is not null or blank. */
    public Briefing latest(String topic, int n) {
        int count = Math.max(1, Math.min(n, 20));
        boolean onTopic = topic != null && !topic.isBlank();
        UserQuery user = understanding.understand(onTopic ? topic : "");
        return index.withSearcher(searcher -> {
            Optional<Query> query = languages.analyse(searcher.getIndexReader(), user, null)
                    .map(LanguageQueries::forSearch).flatMap(builder::matchQuery);
            if (onTopic && query.isEmpty()) {
                return empty(user);
            }
            List<ArticleHit> newest = retriever.newest(retriever.scoring(searcher), query.orElse(null), count * 20);
            Coverage.Stories stories = coverage.of(newest.stream().limit(DistinctStories.STORY_LOOKUP)
                    .map(ArticleHit::articleId).toList());
            Set<Long> storiesShown = new HashSet<>();
            List<BriefItem> items = new ArrayList<>();
            for (ArticleHit a : newest) {
                if (items.size() == count) {
                    break;
                }
                Long story = stories.storyOf().get(a.articleId());
                if (story != null && !storiesShown.add(story)) {
                    continue; // another report of a story already listed
                }
                PassageHit p = a.passages().stream().min((x, y) -> Integer.compare(x.number(), y.number()))
                        .orElse(a.first());
                List<String> sentences = SentenceTerms.sentences(p.text());
                String first = sentences.isEmpty() ? "" : sentences.get(0);
                items.add(new BriefItem(new Citation(items.size() + 1, a.articleId(), p.title(), p.source(),
                        p.published(), p.url(), p.language()), MarkedText.plain(first),
                        AlsoReported.of(stories.othersOf(a.articleId()), p.source())));
            }
            Briefing.Kind kind = items.isEmpty() ? Briefing.Kind.NO_RESULTS : Briefing.Kind.LATEST;
            String topicText = topics.of(user);
            return new Briefing(kind, topicText, null, 0, items, null, List.of(), onTopic ? topicText : null, "",
                    null, user.raw());
        });
    }

    private Briefing answer(IndexSearcher shared, UserQuery user, String languageHint, List<String> shown,
            boolean first) throws IOException {
        IndexSearcher searcher = retriever.scoring(shared);
        Optional<Searched> found = search.search(searcher, user, languageHint, shown.size() + COMPOSED + 1);
        if (found.isEmpty()) {
            return empty(user);
        }
        Searched s = found.get();
        Set<String> skip = Set.copyOf(shown);
        List<PassageRetriever.Ranked> unseen = s.ranked().stream().filter(a -> !skip.contains(a.articleId())).toList();
        Coverage.Stories stories = coverage.of(DistinctStories.lookup(shown, unseen));
        List<PassageRetriever.Ranked> remaining = DistinctStories.of(shown, unseen, stories);
        String corrected = s.query().corrected().isEmpty() ? null
                : didYouMean.correctedText(user, s.query().corrected(), s.query().language(), searcher);
        String topic = topics.of(user);
        if (remaining.isEmpty()) {
            if (!first) {
                return new Briefing(Briefing.Kind.EXHAUSTED, topic, null, 0, List.of(), corrected,
                        List.of(), null, user.recency().label(), null, user.raw(), s.languages());
            }
            return new Briefing(Briefing.Kind.NO_RESULTS, topic, null, 0, List.of(), null,
                    didYouMean.suggestions(searcher, s), topic, user.recency().label(), null, user.raw(), s.languages());
        }
        List<PassageRetriever.Ranked> composeFrom = remaining.subList(0, Math.min(COMPOSED, remaining.size()));
        List<ArticleHit> articles = EvidencePassages.load(retriever, searcher, s.passageQuery(), composeFrom);
        boolean beyond = remaining.size() > composeFrom.size();
        BriefingComposer.Composition c = composer.compose(s.queries(), language -> s.idfIn(searcher, language),
                classifier.classify(user, s.query().language()), similarity(s.questionVector()), articles,
                first, shown.size() + 1, beyond);
        List<BriefItem> items = c.items().stream().map(item -> new BriefItem(item.citation(), item.text(),
                AlsoReported.of(stories.othersOf(item.citation().articleId()), item.citation().source()))).toList();
        List<String> nowShown = new ArrayList<>(shown);
        nowShown.addAll(c.consumedIds());
        String cursor = c.moreLeft() && nowShown.size() < BriefCursor.MAX_SHOWN
                ? new BriefCursor(user.raw(), nowShown).encode() : null;
        return new Briefing(first ? Briefing.Kind.ANSWER : Briefing.Kind.MORE, topic, c.lead(),
                c.leadCitation(), items, corrected, List.of(), first ? topic : null,
                user.recency().label(), cursor, user.raw(), s.languages());
    }

    /** Nothing searchable survived analysis (empty, stopwords, emoji, punctuation). */
    private Briefing empty(UserQuery user) {
        return new Briefing(Briefing.Kind.EMPTY_QUERY, topics.of(user), null, 0, List.of(), null, List.of(), null,
                user.recency().label(), null, user.raw());
    }

    /** A sentence's similarity to the question, when the question was embedded and the weight is not 0; else null. */
    private java.util.function.ToDoubleFunction<String> similarity(float[] question) {
        if (question == null || dense.options().sentenceWeight() <= 0 || dense.options().sentenceCandidates() == 0) {
            return null;
        }
        return text -> dense.embed(text).map(v -> DenseSearch.similarity(question, v)).orElse(0.0);
    }
}
