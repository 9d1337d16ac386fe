/**
 * The few things every part of newsbrief shares: the single unchecked exception root
 * {@link dev.newsbrief.core.NewsbriefException}, from which each package derives its own
 * context-rich failures, so callers can catch one type at the edge and show a clean message;
 * {@link dev.newsbrief.core.OptionException}, which options records throw for an out-of-range
 * value; and {@link dev.newsbrief.core.DataSize}, the type of size settings.
 */
package dev.newsbrief.core;
