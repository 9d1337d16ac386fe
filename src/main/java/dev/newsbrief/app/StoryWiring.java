package dev.newsbrief.app;

import dev.newsbrief.brief.Coverage;
import dev.newsbrief.stories.Outlets;
import dev.newsbrief.stories.Report;
import dev.newsbrief.stories.StoryReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Connects briefings to the story store: which articles tell one story, and who else reported it. */
final class StoryWiring {
    private StoryWiring() {
    }

    /** The briefing's view of the stories {@code reader} reads. */
    static Coverage coverage(StoryReader reader) {
        return ids -> {
            StoryReader.Found found = reader.shared(ids);
            Map<Long, List<Coverage.Report>> reports = new LinkedHashMap<>();
            found.reports().forEach((story, list) -> reports.put(story, list.stream().map(StoryWiring::report).toList()));
            return new Coverage.Stories(found.storyOf(), reports);
        };
    }

    private static Coverage.Report report(Report r) {
        return new Coverage.Report(r.articleId(), r.title(), Outlets.name(r.source(), r.url()), r.url(), r.seenAt());
    }
}
