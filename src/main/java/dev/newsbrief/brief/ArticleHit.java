package dev.newsbrief.brief;

import java.util.List;

/**
 * An article as retrieved: its aggregated score and its matching passages, best first.
 *
 * @param articleId the article
 * @param score     best passage score plus a small share of the others
 * @param passages  matching passages, best first (fields loaded)
 */
record ArticleHit(String articleId, double score, List<PassageHit> passages) {
    PassageHit first() {
        return passages.get(0);
    }
}
