package dev.newsbrief.brief;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * The passages a briefing page is composed from: the top few articles, where the lead is looked
 * for, in more of their passages (the answer can sit in a passage that matches fewer words); the
 * others in just enough for their 1-2 quoted sentences.
 */
final class EvidencePassages {
    /** The lead is looked for among this many top articles, in more of their passages. */
    private static final int LEAD_ARTICLES = 3;
    /** Passages read per lead article: the answer can sit in a passage that matches fewer words. */
    private static final int LEAD_PASSAGES = 8;
    /** Passages read per other article, for its 1-2 quoted sentences. */
    private static final int ITEM_PASSAGES = 3;

    private EvidencePassages() {
    }

    /** {@code composeFrom}, best first, each with its best passages for {@code passageQuery} loaded. */
    static List<ArticleHit> load(PassageRetriever retriever, IndexSearcher searcher, Query passageQuery,
            List<PassageRetriever.Ranked> composeFrom) throws IOException {
        Map<String, List<ScoreDoc>> passages = retriever.bestPassages(searcher, passageQuery, composeFrom,
                LEAD_PASSAGES);
        for (int i = LEAD_ARTICLES; i < composeFrom.size(); i++) {
            passages.computeIfPresent(composeFrom.get(i).articleId(),
                    (id, docs) -> docs.size() > ITEM_PASSAGES ? docs.subList(0, ITEM_PASSAGES) : docs);
        }
        return retriever.load(searcher, composeFrom, passages);
    }
}
