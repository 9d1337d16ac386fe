package dev.newsbrief.sources;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsbrief.config.Config;
import dev.newsbrief.config.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code sources.feeds}, {@code sources.folders} and {@code sources.pages} into {@link Source}s.
 * Each item is checked here, since the config schema only knows these are lists: a bad item is an
 * error naming the list, its position or name, and what is wrong.
 */
public final class SourceDefinitions {
    private SourceDefinitions() {}

    /** Every configured source, feeds first; names are unique across all three lists. */
    /**
     * The configured sources and then the feeds added at run time ({@link AddedSources}); a
     * configured source wins over an added one with the same name or URL.
     */
    public static List<Source> from(Config config, AddedSources added) {
        List<Source> out = new ArrayList<>(from(config));
        Set<String> names = new HashSet<>();
        Set<String> urls = new HashSet<>();
        out.forEach(s -> {
            names.add(s.name());
            urls.add(s.location());
        });
        for (FeedSource f : added.list(config.duration("sources.default-interval"))) {
            if (names.add(f.name()) && urls.add(f.url())) {
                out.add(f);
            }
        }
        return out;
    }

    public static List<Source> from(Config config) {
        Duration feedDefault = config.duration("sources.default-interval");
        Duration folderInterval = config.duration("sources.folder-interval");
        Duration pageInterval = config.duration("sources.page-interval");
        List<Source> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode feeds = config.node("sources.feeds");
        for (int i = 0; i < feeds.size(); i++) {
            JsonNode item = feeds.get(i);
            String where = where("sources.feeds", i, item);
            checkKeys(item, where, Set.of("name", "url", "interval", "include", "exclude"));
            out.add(new FeedSource(name(item, where, names), url(item, where),
                    interval(item, where, feedDefault), words(item, "include", where), words(item, "exclude", where)));
        }
        JsonNode folders = config.node("sources.folders");
        for (int i = 0; i < folders.size(); i++) {
            JsonNode item = folders.get(i);
            String where = where("sources.folders", i, item);
            checkKeys(item, where, Set.of("name", "path", "interval"));
            String path = text(item, "path", where);
            out.add(new FolderSource(name(item, where, names), Path.of(path), interval(item, where, folderInterval)));
        }
        JsonNode pages = config.node("sources.pages");
        for (int i = 0; i < pages.size(); i++) {
            JsonNode item = pages.get(i);
            String where = where("sources.pages", i, item);
            checkKeys(item, where, Set.of("name", "url", "interval"));
            out.add(new PageSource(name(item, where, names), url(item, where), interval(item, where, pageInterval)));
        }
        return List.copyOf(out);
    }

    /** Checks that {@code text} is an absolute http(s) URL with a host, and returns it trimmed. */
    public static String httpUrl(String text, String where) {
        String t = text == null ? "" : text.strip();
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return t;
            }
        } catch (URISyntaxException e) {
            // reported below with the same message as other bad URLs
        }
        throw new SourceException(where + ": '" + t + "' is not an http(s) URL");
    }

    private static String where(String list, int index, JsonNode item) {
        String base = list + "[" + index + "]";
        if (item != null && item.isObject() && item.path("name").isTextual()) {
            return base + " (" + item.get("name").asText() + ")";
        }
        return base;
    }

    private static void checkKeys(JsonNode item, String where, Set<String> allowed) {
        if (item == null || !item.isObject()) {
            throw new SourceException(where + " must be a mapping such as {name: ..., "
                    + (allowed.contains("url") ? "url" : "path") + ": ...}");
        }
        Iterator<String> keys = item.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw new SourceException(where + ": unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String name(JsonNode item, String where, Set<String> seen) {
        String name = text(item, "name", where);
        if (!seen.add(name)) {
            throw new SourceException(where + ": the name '" + name + "' is used by another source");
        }
        return name;
    }

    private static String url(JsonNode item, String where) {
        return httpUrl(text(item, "url", where), where);
    }

    private static String text(JsonNode item, String key, String where) {
        JsonNode n = item.get(key);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw new SourceException(where + ": '" + key + "' is required");
        }
        return n.asText().strip();
    }

    private static Duration interval(JsonNode item, String where, Duration fallback) {
        JsonNode n = item.get("interval");
        if (n == null || n.isNull()) {
            return fallback;
        }
        Duration d = Durations.parse(n.asText()).orElseThrow(() ->
                new SourceException(where + ": interval '" + n.asText() + "' is not a duration such as 30s, 10m or 6h"));
        if (d.isZero() || d.isNegative()) {
            throw new SourceException(where + ": interval must be positive");
        }
        return d;
    }

    private static List<String> words(JsonNode item, String key, String where) {
        JsonNode n = item.get(key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(w -> out.add(w.asText()));
        } else {
            throw new SourceException(where + ": '" + key + "' must be a list of words");
        }
        List<String> clean = out.stream().map(String::strip).filter(w -> !w.isEmpty()).toList();
        return clean;
    }
}
