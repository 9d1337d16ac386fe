package dev.newsbrief.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The multilingual test articles in {@code src/test/resources/lang/articles.jsonl}: short news
 * items written for these tests in 19 languages, each labelled with its language by its writer.
 */
public final class LabelledArticles {
    /** One labelled article. */
    public record Labelled(String id, String language, String title, String body) {
    }

    private LabelledArticles() {
    }

    public static List<Labelled> all() {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LabelledArticles.class.getResourceAsStream("/lang/articles.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Labelled(n.get("id").asText(), n.get("lang").asText(), n.get("title").asText(),
                            n.get("body").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
