/**
 * The command line and the wiring: picocli subcommands, one small class each, that load the
 * configuration, open the data directory and connect the core services to a front end. Nothing
 * else imports this package.
 */
package dev.newsbrief.app;
