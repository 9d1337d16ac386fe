package dev.newsbrief.brief;

import java.time.Instant;

/**
 * What the user said about time: an optional publication window and whether they asked for the
 * newest news ("latest"), which turns the mild recency decay into a strong preference.
 *
 * @param since        earliest publication time to accept, or null
 * @param until        publication time to stay before (exclusive), or null
 * @param preferNewest the user asked for the latest news
 * @param label        the words that expressed it ("today", "since Monday"), or empty
 */
public record RecencyIntent(Instant since, Instant until, boolean preferNewest, String label) {
    /** No time words in the query. */
    public static final RecencyIntent NONE = new RecencyIntent(null, null, false, "");

    public RecencyIntent {
        label = label == null ? "" : label;
    }

    /** True when the user restricted publication time to a window. */
    public boolean hasWindow() {
        return since != null || until != null;
    }

    public boolean isNone() {
        return !hasWindow() && !preferNewest;
    }
}
