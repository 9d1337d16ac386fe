/**
 * Evaluation and benchmark code: question sets, their scoring, and the runs behind
 * {@code newsbrief eval} and {@code newsbrief bench}. It drives the product's own services (the
 * same code path the bot uses) and never changes what they do; the CLI wiring lives in {@code app}.
 */
package dev.newsbrief.bench;
