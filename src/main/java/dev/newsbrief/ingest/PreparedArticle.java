package dev.newsbrief.ingest;

import dev.newsbrief.index.Passage;
import dev.newsbrief.store.Article;
import java.util.List;

/**
 * An article made ready for storing, with everything that needs no database worked out:
 * cleaned, fingerprinted, given its id and split into passages. Preparing is the CPU-heavy half
 * of ingestion, so a pipeline does it on one thread while another writes.
 *
 * @param origin    where it came from (file, file:line, feed item)
 * @param candidate the article as it would be stored if new and original
 * @param shingles  hashes of its word 3-shingles, to confirm near duplicates
 * @param wordCount number of words in the body
 * @param passages  the passages its body is indexed as
 */
record PreparedArticle(String origin, Article candidate, long[] shingles, int wordCount, List<Passage> passages) {
    PreparedArticle {
        passages = List.copyOf(passages);
    }
}
