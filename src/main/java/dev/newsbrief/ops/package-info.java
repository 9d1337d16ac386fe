/**
 * Operations: what the people who run newsbrief need around the bot itself. It owns the
 * health and metrics HTTP listener ({@code /healthz}, {@code /metrics}) with pluggable
 * {@link dev.newsbrief.ops.HealthCheck}s, the Micrometer registry that other packages record
 * into, SQL-derived gauges and statistics over the store, token redaction and the text/JSON
 * switch for logs, and online backup and restore of the data directory.
 */
package dev.newsbrief.ops;
