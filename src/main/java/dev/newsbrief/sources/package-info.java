/**
 * Where news comes from besides files handed to {@code ingest}: RSS/Atom feeds, watched folders and
 * single web pages listed under {@code sources:} in the config. It owns the polite HTTP fetching
 * (timeouts, redirects, size cap, gzip, conditional GET, per-host delay), feed parsing with ROME and
 * stable item identity, full-text fetch for summary-only items, per-source health with exponential
 * back-off in {@code feed_state}/{@code feed_items}, the background poller, and the single-page
 * ingestion service behind {@code /ingest URL} and {@code newsbrief ingest URL}. Articles leave
 * through an {@link dev.newsbrief.sources.ArticleSink} into the ingestion pipeline.
 */
package dev.newsbrief.sources;
