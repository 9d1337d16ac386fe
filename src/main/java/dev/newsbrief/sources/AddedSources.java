package dev.newsbrief.sources;

import dev.newsbrief.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Feeds added at run time (from an OPML subscription list), kept in the {@code added_sources}
 * table, which only this class writes. They are polled like configured feeds, at
 * {@code sources.default-interval}, with no include or exclude words.
 */
public final class AddedSources {
    private final Database db;
    private final Clock clock;

    public AddedSources(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What adding a list did: feeds new to newsbrief, and those it already had (configured or added). */
    public record Added(List<FeedSource> added, int known) {
    }

    /**
     * Adds every feed of {@code feeds} whose URL is not yet a source (configured in {@code existing}
     * or added before), each under a unique name made from its title.
     */
    public Added addAll(List<OpmlFile.Feed> feeds, List<Source> existing, String origin, Duration interval) {
        return db.inTransaction(c -> {
            Set<String> names = new HashSet<>();
            Set<String> urls = new HashSet<>();
            for (Source s : existing) {
                names.add(s.name());
                urls.add(s.location());
            }
            for (FeedSource f : list(interval)) {
                names.add(f.name());
                urls.add(f.url());
            }
            List<FeedSource> added = new ArrayList<>();
            int known = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO added_sources (name, url, origin, added_at) VALUES (?, ?, ?, ?)")) {
                for (OpmlFile.Feed feed : feeds) {
                    if (!urls.add(feed.url())) {
                        known++;
                        continue;
                    }
                    String name = uniqueName(feed.title(), feed.url(), names);
                    ps.setString(1, name);
                    ps.setString(2, feed.url());
                    ps.setString(3, origin);
                    ps.setLong(4, clock.millis());
                    ps.executeUpdate();
                    added.add(new FeedSource(name, feed.url(), interval, List.of(), List.of()));
                }
            }
            return new Added(added, known);
        });
    }

    /** Every added feed, in the order they were added. */
    public List<FeedSource> list(Duration interval) {
        return db.read(c -> {
            List<FeedSource> out = new ArrayList<>();
            try (var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name, url FROM added_sources ORDER BY added_at, name")) {
                while (rs.next()) {
                    out.add(new FeedSource(rs.getString(1), rs.getString(2), interval, List.of(), List.of()));
                }
            }
            return out;
        });
    }

    /** A short lower-case name from the title (else the URL's host), made unique with -2, -3, ... */
    static String uniqueName(String title, String url, Set<String> taken) {
        String base = title == null || title.isBlank() ? java.net.URI.create(url).getHost() : title;
        base = base == null ? "feed" : base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "feed";
        }
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
