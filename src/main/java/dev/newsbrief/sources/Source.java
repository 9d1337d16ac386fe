package dev.newsbrief.sources;

import java.time.Duration;

/** One configured source, polled on its own schedule; its name keys its health in {@code feed_state}. */
public sealed interface Source permits FeedSource, FolderSource, PageSource {
    String name();

    /** A URL or folder path, as shown in {@code newsbrief sources}. */
    String location();

    Duration interval();

    /** {@code feed}, {@code folder} or {@code page}. */
    String kind();
}
