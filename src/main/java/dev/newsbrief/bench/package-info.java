/** Benchmark and evaluation code behind the {@code bench} and {@code eval} commands. */
package dev.newsbrief.bench;
