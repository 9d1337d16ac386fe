/**
 * Configuration: the bundled {@code config/newsbrief.yaml} is both the defaults and the list of
 * known keys. {@link dev.newsbrief.config.Config} layers the operator's files and
 * {@code NEWSBRIEF_*} environment variables over it, refuses unknown and duplicated keys, and binds
 * the result with Jackson to {@link dev.newsbrief.config.Settings}: one tree of typed records whose
 * sections are the options records of the packages that use them. Every error names the setting
 * and the file line or variable it came from. Only {@code app} imports this package.
 */
package dev.newsbrief.config;
