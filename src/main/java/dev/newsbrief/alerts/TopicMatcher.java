package dev.newsbrief.alerts;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.store.Article;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * Matches an article against every distinct topic the way Lucene Monitor does: the
 * {@link TopicIndex} picks candidate topics from the article's terms, then each candidate is
 * verified against the article's {@code MemoryIndex}, analysed with the shared
 * {@link NewsAnalyzer}. A topic many chats follow is one entry, so it is matched once.
 */
public final class TopicMatcher {
    /** The one field an article is indexed under in memory, and topics are analysed for. */
    public static final String FIELD = "content";

    private final Analyzer analyzer;
    private final TopicIndex topics;
    private final PassagePicker passages;

    public TopicMatcher(TopicIndex topics, Analyzer analyzer) {
        this.topics = topics;
        this.analyzer = analyzer;
        this.passages = new PassagePicker(analyzer);
    }

    public TopicMatcher(TopicIndex topics) {
        this(topics, new NewsAnalyzer());
    }

    public TopicIndex topics() {
        return topics;
    }

    /** Analyses an article once for matching. */
    public AnalyzedArticle analyze(String title, String body) {
        return AnalyzedArticle.of(title, body, analyzer, topics.dictionary());
    }

    /** The topics {@code article} matches, found through the presearcher. */
    public List<Topic> match(Article article) {
        return topics.matching(analyze(article.title(), article.body()));
    }

    /** The sentences of an article, ready to pick the brief shown for each matched topic. */
    public PassagePicker.Sentences sentences(Article article) {
        return passages.sentencesOf(article.body());
    }

    /**
     * Whether {@code article} matches {@code topic}, whether or not the topic is indexed; used to
     * preview a new topic over recent articles.
     */
    public boolean matches(Article article, Topic topic) {
        return analyze(article.title(), article.body()).matchesQuery(topic);
    }
}
