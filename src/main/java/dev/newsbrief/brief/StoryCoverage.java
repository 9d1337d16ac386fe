package dev.newsbrief.brief;

import dev.newsbrief.stories.Outlets;
import dev.newsbrief.stories.StoryReader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The briefing's view of the story store: which articles tell one story, and who reported it. */
public final class StoryCoverage implements Coverage {
    private final StoryReader reader;

    public StoryCoverage(StoryReader reader) {
        this.reader = reader;
    }

    @Override
    public Stories of(Collection<String> articleIds) {
        StoryReader.Found found = reader.shared(articleIds);
        Map<Long, List<Coverage.Report>> out = new LinkedHashMap<>();
        found.reports().forEach((story, list) -> out.put(story, list.stream().map(StoryCoverage::report).toList()));
        return new Stories(found.storyOf(), out);
    }

    private static Coverage.Report report(dev.newsbrief.stories.Report r) {
        return new Coverage.Report(r.articleId(), r.title(), Outlets.name(r.source(), r.url()), r.url(), r.seenAt());
    }
}
