package dev.newsbrief.stories;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DebugPairsTest {
    @Test
    void show() throws Exception {
        String ids = System.getenv("PAIRS");
        if (ids == null) return;
        Set<String> want = Set.of(ids.split(","));
        ObjectMapper m = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("src/test/resources/stories/pairs.jsonl"))) {
            JsonNode n = m.readTree(line);
            if (!want.contains(n.get("id").asText())) continue;
            StoryText a = StoryText.of(n.at("/a/title").asText(), n.at("/a/body").asText());
            StoryText b = StoryText.of(n.at("/b/title").asText(), n.at("/b/body").asText());
            StoryMatcher.Verdict v = new StoryMatcher(StoryOptions.DEFAULTS).compare(b, a);
            System.out.println(n.get("id").asText() + " same=" + v.same() + " c=" + v.containment() + " words " + a.wordCount() + "/" + b.wordCount());
            System.out.println("  numbers a-b " + diff(a.numbers(), b.numbers()) + "  b-a " + diff(b.numbers(), a.numbers()) + " sizes " + a.numbers().size() + "/" + b.numbers().size());
            System.out.println("  names a " + a.headlineNames() + " b " + b.headlineNames());
            for (String[] rows : pairIngest(n)) System.out.println("  ingest " + String.join(" | ", rows));
            System.out.println("  names a in b lead " + a.headlineNames().stream().filter(b.leadWords()::contains).toList() + " b in a lead " + b.headlineNames().stream().filter(a.leadWords()::contains).toList());
        }
    }

    static java.util.List<String[]> pairIngest(JsonNode n) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("dbg");
        try (var db = dev.newsbrief.store.Database.open(dir.resolve("x.db"));
                var index = dev.newsbrief.index.PassageIndex.openWritable(org.apache.lucene.store.ByteBuffersDirectory::new, dev.newsbrief.index.PassageIndex.Options.DEFAULTS)) {
            var ing = new dev.newsbrief.ingest.Ingester(new dev.newsbrief.store.ArticleStore(db), index, dev.newsbrief.ingest.Ingester.Options.DEFAULTS, java.time.Clock.systemUTC());
            java.util.List<String[]> out = new java.util.ArrayList<>();
            for (String k : new String[] {"a", "b"}) {
                JsonNode x = n.get(k);
                var o = ing.ingest(new dev.newsbrief.ingest.ParsedArticle(x.get("id").asText(), x.get("title").asText(), x.get("body").asText(), null, null, dev.newsbrief.ingest.PublishedTimes.parse(x.get("published").asText()).orElse(null), null), k);
                out.add(new String[] {o.status().toString(), String.valueOf(o.reason())});
            }
            return out;
        }
    }

    static Set<String> diff(Set<String> x, Set<String> y) {
        Set<String> d = new TreeSet<>(x);
        d.removeAll(y);
        return d;
    }
}
