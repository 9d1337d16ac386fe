package dev.newsbrief.brief;

/** Names of the passage index fields this package reads (they mirror the index package's schema). */
final class IndexFields {
    static final String ARTICLE_ID = "article_id";
    static final String PASSAGE = "passage";
    static final String TITLE = "title";
    static final String TEXT = "text";
    static final String PUBLISHED = "published";
    static final String SOURCE = "source";
    static final String URL = "url";

    private IndexFields() {
    }
}
