/**
 * Benchmarks and evaluations: ingestion, query latency, alert matching, memory and start-up, feed
 * polling, ranking quality on BEIR, answers to a question set ({@link dev.newsbrief.bench.QuestionSet},
 * scored as a user reads them against a search-box baseline), language detection, and main-text
 * extraction on annotated pages. Each is a plain class given its inputs and the settings it
 * measures with, printing its figures with one JSON object last; the {@code newsbrief bench} and
 * {@code newsbrief eval} commands in {@code app} only parse options, load the configuration and
 * run them. May use any package except {@code app}; no product package uses this one.
 */
package dev.newsbrief.bench;
