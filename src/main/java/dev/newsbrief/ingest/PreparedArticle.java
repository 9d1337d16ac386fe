package dev.newsbrief.ingest;

import dev.newsbrief.index.Passage;
import dev.newsbrief.stories.StoryText;
import dev.newsbrief.store.Article;
import java.util.List;

/**
 * An article made ready for storing, with everything that needs no database worked out:
 * cleaned, fingerprinted, given its id, worked out for story matching and split into passages.
 * Preparing is the CPU-heavy half of ingestion, so a pipeline does it on one thread while
 * another writes.
 *
 * @param origin    where it came from (file, file:line, feed item)
 * @param candidate the article as it would be stored if new and original
 * @param story     its shingles, numbers and names, to find its story
 * @param passages  the passages its body is indexed as
 */
record PreparedArticle(String origin, Article candidate, StoryText story, List<Passage> passages) {
    PreparedArticle {
        passages = List.copyOf(passages);
    }
}
