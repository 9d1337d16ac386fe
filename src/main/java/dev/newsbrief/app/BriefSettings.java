package dev.newsbrief.app;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.RankingOptions;
import dev.newsbrief.config.Config;

/** Reads the {@code brief:} section of the configuration into the brief package's options. */
final class BriefSettings {
    private BriefSettings() {
    }

    static BriefOptions from(Config c) {
        RankingOptions ranking = new RankingOptions((float) c.decimal("brief.bm25-k1"), (float) c.decimal("brief.bm25-b"),
                (float) c.decimal("brief.title-boost"), (float) c.decimal("brief.proximity-boost"),
                c.integer("brief.proximity-slop"), c.duration("brief.recency-half-life"),
                c.decimal("brief.recency-weight"), c.decimal("brief.latest-weight"),
                c.duration("brief.latest-half-life"), c.integer("brief.passages-to-fetch"));
        return new BriefOptions(c.integer("brief.max-chars"), c.integer("brief.max-items"),
                c.integer("brief.sentences-per-item"), c.integer("brief.max-sentence-chars"),
                c.decimal("brief.redundancy"), ranking);
    }
}
