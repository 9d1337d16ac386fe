package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.core.NewsbriefException;
import dev.newsbrief.ingest.PublishedTimes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled story-pair file that {@code newsbrief bench stories} reads and
 * {@code newsbrief bench story-pairs} writes: JSON Lines, one pair of articles a line,
 * {@code {"id":…, "label":"same"|"different", "kind":…, "note":…, "a":{article}, "b":{article}}},
 * an article being {@code {"id", "title", "body", "source", "url", "published"}}.
 */
public final class StoryPairs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoryPairs() {
    }

    /** One article of a pair. */
    public record Item(String id, String title, String body, String source, String url, Instant published) {
        ObjectNode toJson() {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            n.put("title", title);
            n.put("body", body);
            n.put("source", source);
            n.put("url", url);
            n.put("published", published == null ? null : published.toString());
            return n;
        }
    }

    /**
     * One labelled pair.
     *
     * @param id    pair id
     * @param same  whether the two report the same story
     * @param kind  how the pair was made (rewrite, reuters-duplicate, same-subject, ...)
     * @param note  why it carries its label, or empty
     */
    public record Pair(String id, boolean same, String kind, String note, Item a, Item b) {
        String toJsonLine() {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", id);
            n.put("label", same ? "same" : "different");
            n.put("kind", kind);
            if (note != null && !note.isEmpty()) {
                n.put("note", note);
            }
            n.set("a", a.toJson());
            n.set("b", b.toJson());
            return n.toString();
        }
    }

    /** Reads a pair file; a malformed line is an error naming the file and line. */
    public static List<Pair> read(Path file) {
        List<Pair> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(pair(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new NewsbriefException(file + ":" + n + ": not a story pair (" + e.getMessage() + ")", e);
                }
            }
        } catch (IOException e) {
            throw new NewsbriefException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes pairs, one a line. */
    public static void write(Path file, List<Pair> pairs) {
        List<String> lines = pairs.stream().map(Pair::toJsonLine).toList();
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Pair pair(JsonNode n) {
        String label = text(n, "label");
        if (!label.equals("same") && !label.equals("different")) {
            throw new IllegalArgumentException("label must be same or different, not " + label);
        }
        return new Pair(text(n, "id"), label.equals("same"), text(n, "kind"), n.path("note").asText(""),
                item(n.path("a")), item(n.path("b")));
    }

    /** An article from a JSON object with the fields of {@code reuters21578.jsonl}. */
    static Item item(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("an article must be an object");
        }
        String published = n.path("published").asText(null);
        return new Item(text(n, "id"), n.path("title").asText(""), text(n, "body"), n.path("source").asText(null),
                n.path("url").asText(null), published == null ? null : PublishedTimes.parse(published).orElse(null));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }
}
