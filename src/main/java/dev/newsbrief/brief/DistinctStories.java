package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One report per story on a briefing's pages: which articles' stories a page looks up, and the
 * ranked articles left when later reports of a story, and stories shown on earlier pages, are
 * taken out.
 */
final class DistinctStories {
    /** Ranked articles whose stories are looked up, to make the composed items distinct stories. */
    static final int STORY_LOOKUP = 32;

    private DistinctStories() {
    }

    /** The articles whose stories a page needs: those already shown, and the best-ranked of the rest. */
    static List<String> lookup(List<String> shown, List<PassageRetriever.Ranked> unseen) {
        List<String> ids = new ArrayList<>(shown);
        unseen.stream().limit(STORY_LOOKUP).forEach(r -> ids.add(r.articleId()));
        return ids;
    }

    /**
     * The ranked articles with one per story: the best-ranked report of each story stays, later
     * reports of it and of stories already shown on earlier pages are left out.
     */
    static List<PassageRetriever.Ranked> of(List<String> shown, List<PassageRetriever.Ranked> unseen,
            Coverage.Stories stories) {
        Set<Long> taken = new HashSet<>();
        for (String id : shown) {
            Long story = stories.storyOf().get(id);
            if (story != null) {
                taken.add(story);
            }
        }
        List<PassageRetriever.Ranked> out = new ArrayList<>(unseen.size());
        for (PassageRetriever.Ranked r : unseen) {
            Long story = stories.storyOf().get(r.articleId());
            if (story == null || taken.add(story)) {
                out.add(r);
            }
        }
        return out;
    }
}
