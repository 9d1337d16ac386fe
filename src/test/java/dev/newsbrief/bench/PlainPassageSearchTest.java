package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import java.time.Instant;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The search-box baseline reads each passage from the field of the language it searched. */
class PlainPassageSearchTest {
    private static Article article(String id, String language, String title, String body) {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        return new Article(id, "https://example.org/" + id, title, "wire", t, t, t, body, "hash-" + id, null,
                Map.of()).withLanguage(language);
    }

    @Test
    void germanAndEnglishPassagesAreFoundWithTheirText() {
        try (PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS)) {
            index.index(article("de1", "de", "Flüchtlinge in Kakuma",
                    "Im Lager Kakuma leben rund 190.000 Flüchtlinge aus mehreren Ländern."));
            index.index(article("en1", "en", "Refugees in Kakuma", "About 190,000 refugees live in the Kakuma camp."));
            index.commit();
            PlainPassageSearch search = new PlainPassageSearch(index, new LanguageAnalyzers());

            assertThat(search.top("Wie viele Flüchtlinge leben im Lager Kakuma?", "de", 5))
                    .extracting(PlainPassageSearch.Hit::articleId, PlainPassageSearch.Hit::text)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("de1",
                            "Im Lager Kakuma leben rund 190.000 Flüchtlinge aus mehreren Ländern."));
            assertThat(search.top("How many refugees live in Kakuma?", 5)).singleElement()
                    .satisfies(h -> assertThat(h.text()).contains("190,000 refugees"));
        }
    }
}
