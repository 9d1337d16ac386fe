package dev.newsbrief.sources;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The sources settings (section {@code sources:} of the config): how to fetch, how often, and
 * the configured feeds, folders and pages as written (checked by {@link SourceDefinitions}).
 *
 * @param fetch           how sources are fetched and retried
 * @param defaultInterval poll interval of a feed that sets none
 * @param folderInterval  how often watched folders are scanned
 * @param pageInterval    how often configured single pages are fetched again
 * @param feeds           configured feeds
 * @param folders         watched folders
 * @param pages           single pages
 */
public record SourcesOptions(FetchOptions fetch, Duration defaultInterval, Duration folderInterval,
        Duration pageInterval, List<Feed> feeds, List<Folder> folders, List<Page> pages) {

    public static final SourcesOptions DEFAULTS = new SourcesOptions(FetchOptions.defaults(), Duration.ofMinutes(10),
            Duration.ofMinutes(1), Duration.ofDays(1), List.of(), List.of(), List.of());

    public SourcesOptions {
        Objects.requireNonNull(fetch, "fetch");
        feeds = entries(feeds);
        folders = entries(folders);
        pages = entries(pages);
    }

    /**
     * A feed as configured.
     *
     * @param interval poll interval, or null for the default
     * @param include  words of which an item must contain one (none: every item)
     * @param exclude  words no item may contain
     */
    public record Feed(String name, String url, Duration interval, List<String> include, List<String> exclude) {}

    /** A watched folder as configured; {@code interval} null means the default. */
    public record Folder(String name, String path, Duration interval) {}

    /** A single page as configured; {@code interval} null means the default. */
    public record Page(String name, String url, Duration interval) {}

    /** An unmodifiable copy that keeps empty (null) entries, so that they are reported with their position. */
    private static <T> List<T> entries(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
