package dev.newsbrief.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads articles from JSON: a .json file holds one object (or an array of them), a .jsonl file
 * one object per line. Known fields are {@code id}, {@code title}, {@code body}/{@code text}/{@code content},
 * {@code url}, {@code published} (ISO-8601 or epoch) and {@code source}; every other non-empty field
 * is kept as a tag (arrays joined with ", ").
 */
public final class JsonArticleParser {
    private static final List<String> BODY_FIELDS = List.of("body", "text", "content");
    private static final Set<String> KNOWN = Set.of("id", "title", "body", "text", "content", "url", "published",
            "source");

    private final ObjectMapper json = new ObjectMapper();

    /** The articles of a whole .json document. */
    public List<ParseOutcome> parseDocument(String text, String origin) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            return List.of(new ParseOutcome.Rejected(origin, "malformed JSON: " + e.getOriginalMessage()));
        }
        if (root != null && root.isArray()) {
            List<ParseOutcome> out = new ArrayList<>();
            for (int i = 0; i < root.size(); i++) {
                out.add(fromNode(root.get(i), origin + "[" + i + "]"));
            }
            return out;
        }
        return List.of(fromNode(root, origin));
    }

    /** The article on one .jsonl line; {@code origin} already names the line. */
    public ParseOutcome parseLine(String line, String origin) {
        try {
            return fromNode(json.readTree(line), origin);
        } catch (JsonProcessingException e) {
            return new ParseOutcome.Rejected(origin, "malformed JSON line: " + e.getOriginalMessage());
        }
    }

    ParseOutcome fromNode(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            return new ParseOutcome.Rejected(origin, "JSON value is not an object");
        }
        String body = null;
        for (String field : BODY_FIELDS) {
            body = text(node.get(field));
            if (body != null && !body.isBlank()) {
                break;
            }
        }
        if (body == null || body.isBlank()) {
            return new ParseOutcome.Rejected(origin, "JSON record has no body (expected body, text or content)");
        }
        Instant published = null;
        JsonNode p = node.get("published");
        if (p != null && p.isNumber()) {
            published = PublishedTimes.fromEpoch(p.asLong());
        } else if (p != null && p.isTextual()) {
            published = PublishedTimes.parse(p.asText()).orElse(null);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) {
                String value = tagValue(e.getValue());
                if (value != null && !value.isBlank()) {
                    tags.put(e.getKey(), value);
                }
            }
        });
        if (p != null && published == null && !p.isNull()) {
            tags.put("published_raw", p.asText());
        }
        return new ParseOutcome.Parsed(origin, new ParsedArticle(text(node.get("id")), text(node.get("title")), body,
                text(node.get("url")), text(node.get("source")), published, tags));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    private static String tagValue(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(item -> parts.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join(", ", parts);
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
