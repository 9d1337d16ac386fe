package dev.newsbrief.alerts;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.store.Article;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * Matches an article against every distinct topic the way Lucene Monitor does: the
 * {@link TopicIndex} picks candidate topics from the article's terms, then each candidate is
 * verified against the article in a {@code MemoryIndex} analysed with the shared
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
    public PreparedArticle prepare(String title, String body) {
        return PreparedArticle.of(title, body, analyzer);
    }

    /** The topics {@code article} matches, found through the presearcher. */
    public List<Topic> matchingTopics(PreparedArticle article) {
        return verify(article, topics.candidates(article.terms()));
    }

    /** The topics among {@code candidates} that {@code article} matches, each verified in memory. */
    public List<Topic> verify(PreparedArticle article, Collection<Topic> candidates) {
        List<Topic> out = new ArrayList<>();
        for (Topic t : candidates) {
            if (article.matches(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The topics {@code article} matches, each with the passage to quote. */
    public List<TopicMatch> match(Article article) {
        List<Topic> matched = matchingTopics(prepare(article.title(), article.body()));
        if (matched.isEmpty()) {
            return List.of();
        }
        PassagePicker.Sentences sentences = passages.sentencesOf(article.body());
        List<TopicMatch> out = new ArrayList<>(matched.size());
        for (Topic t : matched) {
            out.add(new TopicMatch(t, sentences.bestFor(t)));
        }
        return out;
    }

    /** Whether {@code article} matches {@code topic}; used for previews over recent articles. */
    public boolean matches(Article article, Topic topic) {
        return prepare(article.title(), article.body()).matches(topic);
    }
}
