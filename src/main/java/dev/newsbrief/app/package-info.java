/**
 * The command line and the wiring: picocli subcommands, one small {@code *Cli} class each, that
 * load the configuration, open the data directory and connect the core services to a front end
 * (the {@code bench} and {@code eval} ones run the benchmarks of {@code dev.newsbrief.bench}).
 * Each package gets its own section of the typed settings. Nothing else imports this package.
 */
package dev.newsbrief.app;
