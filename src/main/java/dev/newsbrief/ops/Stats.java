package dev.newsbrief.ops;

import dev.newsbrief.stories.StoryStore;
import dev.newsbrief.stories.StorySummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the bot holds and serves at one moment; {@link #render()} is the text both
 * {@code newsbrief stats} and the admins' {@code /stats} show.
 *
 * @param articles          stored articles, duplicates included
 * @param duplicates        of those, duplicates: the same text as another, or a copy inside it (not indexed)
 * @param passages          searchable passages in the index
 * @param stories           stories, and how many of them more than one article reports
 * @param largestStories    the stories with the most articles, most first
 * @param articlesBySource  stored articles per source, most first
 * @param feeds             each polled feed's health
 * @param activeChats       chats that receive answers and alerts
 * @param inactiveChats     chats that stopped the bot or blocked it
 * @param subscriptions     topic subscriptions over all chats
 * @param alerts            alert deliveries per status: pending, sent, failed, dropped
 * @param indexBytes        size of the index directory on disk
 * @param databaseBytes     size of the SQLite files on disk (database and WAL)
 * @param articlesByLanguage original articles per language, most first ({@code und}: undetermined,
 *                          {@code ?}: stored before languages were detected)
 */
public record Stats(Instant at, long articles, long duplicates, long passages, StoryStore.Counts stories,
        List<StorySummary> largestStories, Map<String, Long> articlesBySource,
        List<OpsQueries.FeedHealth> feeds, long activeChats, long inactiveChats, long subscriptions,
        Map<String, Long> alerts, long indexBytes, long databaseBytes, Map<String, Long> articlesByLanguage) {

    public Stats {
        largestStories = List.copyOf(largestStories);
        articlesByLanguage = articlesByLanguage == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(articlesByLanguage));
        articlesBySource = Map.copyOf(articlesBySource);
        feeds = List.copyOf(feeds);
        alerts = Map.copyOf(alerts);
    }

    /** Stats without stories or a per-language count. */
    public Stats(Instant at, long articles, long duplicates, long passages, Map<String, Long> articlesBySource,
            List<OpsQueries.FeedHealth> feeds, long activeChats, long inactiveChats, long subscriptions,
            Map<String, Long> alerts, long indexBytes, long databaseBytes) {
        this(at, articles, duplicates, passages, new StoryStore.Counts(0, 0, 0), List.of(), articlesBySource, feeds,
                activeChats, inactiveChats, subscriptions, alerts, indexBytes, databaseBytes, null);
    }

    public long alertsSent() {
        return alerts.getOrDefault("sent", 0L);
    }

    public long alertsPending() {
        return alerts.getOrDefault("pending", 0L);
    }

    public long failingFeeds() {
        return feeds.stream().filter(OpsQueries.FeedHealth::failing).count();
    }

    /** A short plain-text report; no Markdown, so it reads the same in a terminal and in Telegram. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Articles: ").append(articles).append(" (").append(duplicates).append(" duplicates)\n");
        sb.append("Passages: ").append(passages).append('\n');
        sb.append("Stories: ").append(stories.stories()).append(" (").append(stories.multiple())
                .append(" reported by more than one article, ").append(stories.inStories()).append(" articles)");
        for (StorySummary s : largestStories) {
            sb.append("\n  ").append(s.articles()).append(" articles, ").append(s.sources().size())
                    .append(s.sources().size() == 1 ? " source: " : " sources: ").append(oneLine(s.title()));
            if (!s.languages().isEmpty()) {
                sb.append(" [").append(String.join(", ", s.languages())).append(']');
            }
        }
        sb.append('\n');
        if (!articlesByLanguage.isEmpty()) {
            sb.append("Languages: ").append(articlesByLanguage.size()).append(' ');
            // e.g. "Languages: 3 (de 74, en 44, und 2)"
            StringBuilder list = new StringBuilder();
            articlesByLanguage.entrySet().stream().limit(8).forEach(e -> list.append(list.isEmpty() ? "(" : ", ")
                    .append(e.getKey()).append(' ').append(e.getValue()));
            if (articlesByLanguage.size() > 8) {
                list.append(", ...");
            }
            sb.append(list).append(")\n");
        }
        sb.append("Sources: ").append(articlesBySource.size());
        articlesBySource.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(5)
                .forEach(e -> sb.append("\n  ").append(e.getKey()).append(": ").append(e.getValue()));
        if (articlesBySource.size() > 5) {
            sb.append("\n  ... and ").append(articlesBySource.size() - 5).append(" more");
        }
        sb.append('\n');
        sb.append("Feeds: ").append(feeds.size()).append(" polled, ").append(failingFeeds()).append(" failing");
        feeds.stream().filter(OpsQueries.FeedHealth::failing).limit(5).forEach(f -> sb.append("\n  ")
                .append(f.source()).append(": ").append(f.consecutiveFailures()).append(" failures")
                .append(f.lastError() == null ? "" : ", last: " + oneLine(f.lastError())));
        sb.append('\n');
        sb.append("Chats: ").append(activeChats).append(" active, ").append(inactiveChats).append(" inactive\n");
        sb.append("Subscriptions: ").append(subscriptions).append('\n');
        sb.append("Alerts: ").append(alertsSent()).append(" sent, ").append(alertsPending()).append(" pending");
        long failed = alerts.getOrDefault("failed", 0L) + alerts.getOrDefault("dropped", 0L);
        if (failed > 0) {
            sb.append(", ").append(failed).append(" failed");
        }
        sb.append('\n');
        sb.append("Index size: ").append(humanBytes(indexBytes)).append(", database: ").append(humanBytes(databaseBytes));
        return sb.toString();
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
    }
}
