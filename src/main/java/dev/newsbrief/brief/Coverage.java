package dev.newsbrief.brief;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which articles tell the same story, as a briefing needs to know it: items are distinct
 * stories, and each item says who else reported its story. Implemented over the story store;
 * {@link #NONE} treats every article as a story of its own.
 */
@FunctionalInterface
public interface Coverage {
    /** Every article its own story, no other reports. */
    Coverage NONE = ids -> Stories.NONE;

    /** The stories of these articles that have more than one report, with all their reports. */
    Stories of(Collection<String> articleIds);

    /**
     * What {@link #of} found.
     *
     * @param storyOf the story of each asked article that shares one with another article
     * @param reports every report of those stories, oldest first
     */
    record Stories(Map<String, Long> storyOf, Map<Long, List<Report>> reports) {
        public static final Stories NONE = new Stories(Map.of(), Map.of());

        public Stories {
            storyOf = Map.copyOf(storyOf);
            reports = Map.copyOf(reports);
        }

        /** The reports of {@code articleId}'s story other than itself; empty for an article alone. */
        List<Report> othersOf(String articleId) {
            Long story = storyOf.get(articleId);
            if (story == null) {
                return List.of();
            }
            return reports.getOrDefault(story, List.of()).stream().filter(r -> !r.articleId().equals(articleId))
                    .toList();
        }
    }

    /**
     * One article of a story.
     *
     * @param articleId the article
     * @param title     its headline
     * @param outlet    its outlet's name (source, else the link's host), or null
     * @param url       its link, or null
     * @param published publication (else ingestion) time
     */
    record Report(String articleId, String title, String outlet, String url, Instant published) {
    }
}
