package dev.newsbrief.ingest;

import dev.newsbrief.store.Article;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called for each new original article inside the SQLite transaction that stores it, so that
 * work derived from it (alert deliveries, say) commits or rolls back together with the article.
 * Throwing rolls the article back; it is then reported as skipped.
 */
@FunctionalInterface
public interface NewArticleListener {
    void onNewArticle(Connection connection, Article article) throws SQLException;
}
