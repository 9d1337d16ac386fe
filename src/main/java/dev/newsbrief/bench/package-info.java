/**
 * Benchmark and evaluation code behind {@code newsbrief bench ...} and {@code newsbrief eval ...}:
 * each runs the product's own code paths over a corpus and ends with one JSON line of figures.
 */
package dev.newsbrief.bench;
