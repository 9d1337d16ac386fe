package dev.newsbrief.alerts;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageFields;
import dev.newsbrief.store.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Matches an article against every distinct topic the way Lucene Monitor does: a
 * {@link TopicIndex} picks candidate topics from the article's terms, then each candidate is
 * verified against the article's {@code MemoryIndex}. A topic many chats follow is one entry, so
 * it is matched once.
 *
 * <p>Topics are matched in the article's language: a German article is analysed with German
 * analysis, and so is every topic it is matched against, so "Nordkorea" finds "Nordkoreas" and a
 * German topic is not held to English stemming. English articles (and undetermined ones) use the
 * plain topic index exactly as before languages were told apart; each other language gets its own
 * topic index, built from every topic's wording the first time an article in that language
 * arrives, and kept in step by {@link #add}, {@link #addAll} and {@link #remove}. A topic keeps its
 * key (its English analysis) in every language, so its subscribers are found whatever the
 * article's language. Thread-safe.
 */
public final class TopicMatcher {
    /** The one field an article is indexed under in memory, and topics are analysed for. */
    public static final String FIELD = "content";

    private final Analyzer analyzer;
    private final TopicIndex topics;
    private final PassagePicker passages;
    private final Function<String, ToLongFunction<String>> documentFrequency;
    private final Map<String, TopicIndex> byLanguage = new ConcurrentHashMap<>();

    /**
     * @param topics            the topic index of English articles; every topic is added here
     * @param analyzer          analysis by field: {@link LanguageAnalyzers} (or {@link NewsAnalyzer},
     *                          which analyses every language as English)
     * @param documentFrequency for each language, how common a term is in its articles, so each
     *                          language's topics are filed under their rarest term
     */
    public TopicMatcher(TopicIndex topics, Analyzer analyzer, Function<String, ToLongFunction<String>> documentFrequency) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.passages = new PassagePicker(analyzer);
        this.documentFrequency = documentFrequency;
    }

    public TopicMatcher(TopicIndex topics, Analyzer analyzer) {
        this(topics, analyzer, language -> term -> 0);
    }

    public TopicMatcher(TopicIndex topics) {
        this(topics, new LanguageAnalyzers());
    }

    /** The topic index of English (and undetermined) articles, which holds every topic. */
    public TopicIndex topics() {
        return topics;
    }

    /** Indexes a topic for every language (no-op when its key is present). */
    public synchronized void add(Topic topic) {
        addAll(List.of(topic));
    }

    /** Indexes topics for every language, with one refresh per language. */
    public synchronized void addAll(Collection<Topic> added) {
        topics.addAll(added);
        byLanguage.forEach((language, index) -> index.addAll(inLanguage(added, language)));
    }

    /** Removes the topic with this key from every language. */
    public synchronized void remove(String key) {
        topics.remove(key);
        byLanguage.values().forEach(index -> index.remove(key));
    }

    /** Number of distinct topics indexed. */
    public int size() {
        return topics.size();
    }

    /** Analyses an article once for matching, as English. */
    public AnalyzedArticle analyze(String title, String body) {
        return AnalyzedArticle.of(title, body, analyzer, topics.dictionary());
    }

    /** The topics {@code article} matches, found through the presearcher of its language. */
    public List<Topic> match(Article article) {
        String language = article.language();
        if (PassageFields.isEnglishFields(language)) {
            return topics.matching(analyze(article.title(), article.body()));
        }
        TopicIndex index = indexFor(language);
        return index.matching(AnalyzedArticle.of(article.title(), article.body(), analyzer, index.dictionary(),
                PassageFields.of(FIELD, language)));
    }

    /** The sentences of an article, analysed in its language, ready to pick the brief shown for each matched topic. */
    public PassagePicker.Sentences sentences(Article article) {
        return passages.sentencesOf(article.body(), PassageFields.of(FIELD, article.language()));
    }

    /**
     * Whether {@code article} matches {@code topic}, whether or not the topic is indexed; used to
     * preview a new topic over recent articles. The topic is analysed in the article's language.
     */
    public boolean matches(Article article, Topic topic) {
        String language = article.language();
        if (PassageFields.isEnglishFields(language)) {
            return analyze(article.title(), article.body()).matchesQuery(topic);
        }
        List<Topic> variant = inLanguage(List.of(topic), language);
        return !variant.isEmpty() && AnalyzedArticle.of(article.title(), article.body(), analyzer,
                new TopicDictionary(), PassageFields.of(FIELD, language)).matchesQuery(variant.get(0));
    }

    /** The topic index of {@code language}, built from every topic the first time it is needed. */
    private TopicIndex indexFor(String language) {
        TopicIndex index = byLanguage.get(language);
        if (index != null) {
            return index;
        }
        synchronized (this) {
            return byLanguage.computeIfAbsent(language, l -> {
                TopicIndex created = new TopicIndex(ByteBuffersDirectory::new, documentFrequency.apply(l));
                created.addAll(inLanguage(topics.topics(), l));
                return created;
            });
        }
    }

    /**
     * The topics analysed in {@code language}, each under its own key; a topic whose words are all
     * stop words in that language has no version there (it never matches its articles).
     */
    private List<Topic> inLanguage(Collection<Topic> english, String language) {
        TopicParser parser = new TopicParser(analyzer, language);
        List<Topic> out = new ArrayList<>(english.size());
        for (Topic t : english) {
            try {
                out.add(parser.parse(t.display()).withKey(t.key()));
            } catch (InvalidTopicException e) {
                // nothing to look for in this language: "the" is a word in German, "die" one in English
            }
        }
        return out;
    }

    /** Closes the other languages' topic indexes (the English one belongs to its creator). */
    void closeLanguages() throws IOException {
        for (TopicIndex index : byLanguage.values()) {
            index.close();
        }
        byLanguage.clear();
    }

    /** The languages with a topic index of their own so far, for tests and logs. */
    List<String> languagesIndexed() {
        return List.copyOf(byLanguage.keySet());
    }
}
