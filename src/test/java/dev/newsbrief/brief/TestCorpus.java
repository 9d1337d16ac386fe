package dev.newsbrief.brief;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Test articles from src/test/resources/brief and the seed, indexed into memory. */
final class TestCorpus {
    static final Instant NOW = Instant.parse("2025-03-23T12:00:00Z");

    private TestCorpus() {
    }

    static List<Article> articles() {
        return articles("/brief/corpus.jsonl");
    }

    /** The articles of a JSON-lines test resource ({@code id, url, title, source, published, body}). */
    static List<Article> articles(String resource) {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TestCorpus.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = json.readTree(line);
                out.add(article(n.get("id").asText(), n.get("url").asText(), n.get("title").asText(),
                        n.get("source").asText(), Instant.parse(n.get("published").asText()), n.get("body").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The seed article as the repository ships it, page chrome included; title from its first line. */
    static Article seed() {
        try {
            Path seeds = Path.of("seeds");
            Path file;
            try (var files = Files.list(seeds)) {
                file = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
            }
            String text = Files.readString(file);
            String title = text.lines().map(String::strip).filter(l -> l.length() > 20).findFirst().orElseThrow();
            return article("seed", null, title, "seed", Instant.parse("2025-03-22T00:00:00Z"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Article article(String id, String url, String title, String source, Instant published, String body) {
        return new Article(id, url, title, source, published, NOW, NOW, body, Integer.toHexString(body.hashCode()), null, Map.of());
    }

    static PassageIndex index(List<Article> articles) {
        PassageIndex index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
        articles.forEach(index::index);
        index.commit();
        return index;
    }
}
