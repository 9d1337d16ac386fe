/**
 * The Lucene passage index, derived entirely from the SQLite store: it owns the one
 * {@link dev.newsbrief.index.NewsAnalyzer} used for indexing and querying alike, the passage
 * splitter (paragraph-based, sentence-aware), the field layout in
 * {@link dev.newsbrief.index.PassageFields}, the writable/read-only {@link dev.newsbrief.index.PassageIndex}
 * with near-real-time searchers, and the {@link dev.newsbrief.index.Reindexer} that rebuilds it from SQLite.
 */
package dev.newsbrief.index;
