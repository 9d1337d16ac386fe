package dev.newsbrief.sources;

import dev.newsbrief.core.HttpUrls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the configured feeds, folders and pages of {@link SourcesOptions} into {@link Source}s.
 * The configuration binds their types; the rules between fields are checked here: a bad item is
 * an error naming the list, its position or name, and what is wrong.
 */
public final class SourceDefinitions {
    private SourceDefinitions() {}

    /** Every configured source, feeds first; names are unique across all three lists. */
    /**
     * The configured sources and then the feeds added at run time ({@link AddedSources}); a
     * configured source wins over an added one with the same name or URL.
     */
    public static List<Source> from(SourcesOptions options, AddedSources added) {
        List<Source> out = new ArrayList<>(from(options));
        Set<String> names = new HashSet<>();
        Set<String> urls = new HashSet<>();
        out.forEach(s -> {
            names.add(s.name());
            urls.add(s.location());
        });
        for (FeedSource f : added.list(options.defaultInterval())) {
            if (names.add(f.name()) && urls.add(f.url())) {
                out.add(f);
            }
        }
        return out;
    }

    public static List<Source> from(SourcesOptions options) {
        List<Source> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < options.feeds().size(); i++) {
            SourcesOptions.Feed item = options.feeds().get(i);
            String where = where("sources.feeds", i, item, item == null ? null : item.name(), "url");
            out.add(new FeedSource(name(item.name(), where, names), url(item.url(), where),
                    interval(item.interval(), where, options.defaultInterval()), words(item.include()),
                    words(item.exclude())));
        }
        for (int i = 0; i < options.folders().size(); i++) {
            SourcesOptions.Folder item = options.folders().get(i);
            String where = where("sources.folders", i, item, item == null ? null : item.name(), "path");
            out.add(new FolderSource(name(item.name(), where, names), Path.of(required(item.path(), "path", where)),
                    interval(item.interval(), where, options.folderInterval())));
        }
        for (int i = 0; i < options.pages().size(); i++) {
            SourcesOptions.Page item = options.pages().get(i);
            String where = where("sources.pages", i, item, item == null ? null : item.name(), "url");
            out.add(new PageSource(name(item.name(), where, names), url(item.url(), where),
                    interval(item.interval(), where, options.pageInterval())));
        }
        return List.copyOf(out);
    }

    /** Checks that {@code text} is an absolute http(s) URL with a host, and returns it trimmed. */
    public static String httpUrl(String text, String where) {
        String t = text == null ? "" : text.strip();
        if (HttpUrls.isHttpUrl(t)) {
            return t;
        }
        throw new SourceException(where + ": '" + t + "' is not an http(s) URL");
    }

    /** Where an item is: its list and position, and its name when it has one; an empty item is refused. */
    private static String where(String list, int index, Object item, String name, String locationKey) {
        String base = list + "[" + index + "]";
        if (item == null) {
            throw new SourceException(base + " must be a mapping such as {name: ..., " + locationKey + ": ...}");
        }
        return name == null || name.isBlank() ? base : base + " (" + name.strip() + ")";
    }

    private static String name(String name, String where, Set<String> seen) {
        String n = required(name, "name", where);
        if (!seen.add(n)) {
            throw new SourceException(where + ": the name '" + n + "' is used by another source");
        }
        return n;
    }

    private static String url(String url, String where) {
        return httpUrl(required(url, "url", where), where);
    }

    private static String required(String value, String key, String where) {
        if (value == null || value.isBlank()) {
            throw new SourceException(where + ": '" + key + "' is required");
        }
        return value.strip();
    }

    private static Duration interval(Duration interval, String where, Duration fallback) {
        if (interval == null) {
            return fallback;
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new SourceException(where + ": interval must be positive");
        }
        return interval;
    }

    private static List<String> words(List<String> words) {
        if (words == null) {
            return List.of();
        }
        return words.stream().filter(w -> w != null).map(String::strip).filter(w -> !w.isEmpty()).toList();
    }
}
