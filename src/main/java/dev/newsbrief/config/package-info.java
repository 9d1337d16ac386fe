/**
 * Configuration: the bundled {@code config/newsbrief.yaml} is both the defaults and the schema of
 * known settings. {@link dev.newsbrief.config.Config} layers the operator's files and
 * {@code NEWSBRIEF_*} environment variables over it, rejects unknown keys and bad values with the
 * file and line, and gives typed access by dotted path.
 */
package dev.newsbrief.config;
