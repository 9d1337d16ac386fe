package dev.newsbrief.stories;

import java.time.Instant;
import java.util.List;

/**
 * A story as listed by {@code newsbrief stories} and {@code stats}.
 *
 * @param id        story id
 * @param title     headline of the article that started it
 * @param firstSeen earliest member time
 * @param lastSeen  latest member time
 * @param articles  members, duplicates included
 * @param sources   distinct outlets among them, most reports first, then the earliest
 * @param languages the languages detected in its articles (ISO 639-1), most articles first; empty
 *                  when none was determined
 */
public record StorySummary(long id, String title, Instant firstSeen, Instant lastSeen, int articles,
        List<String> sources, List<String> languages) {
    public StorySummary {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }
}
