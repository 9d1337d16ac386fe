package dev.newsbrief.ingest.html;

/** What the extractor made of a page. */
public sealed interface PageResult {
    /** The article text (paragraphs separated by blank lines) and the page's metadata. */
    record Article(PageMetadata metadata, String text) implements PageResult {
    }

    /** No article: {@code reason} says why, in words a person understands. */
    record Skipped(String reason) implements PageResult {
    }
}
