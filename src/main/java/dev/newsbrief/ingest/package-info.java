/**
 * Ingestion: turns raw article files and records (.txt/.md, .html, .json/.jsonl, or articles
 * parsed elsewhere, such as feed items) into clean {@link dev.newsbrief.store.Article}s in SQLite
 * and passages in the index. It owns decoding and rejection of bad input, the parsers (including
 * the reusable {@link dev.newsbrief.ingest.HtmlArticleExtractor}, whose main-text extraction lives in
 * {@code dev.newsbrief.ingest.html}), the data-driven cleaning rules,
 * article identity, exact duplicates (content hash), and the {@link dev.newsbrief.ingest.Ingester}
 * service with its {@link dev.newsbrief.ingest.IngestReport}; each stored article is put into its
 * story ({@code dev.newsbrief.stories}) in its own transaction.
 */
package dev.newsbrief.ingest;
