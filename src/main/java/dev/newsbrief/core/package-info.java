/**
 * The few things every part of newsbrief shares: the single unchecked exception root
 * {@link dev.newsbrief.core.NewsbriefException}, from which each package derives its own
 * context-rich failures, so callers can catch one type at the edge and show a clean message.
 */
package dev.newsbrief.core;
