package dev.newsbrief.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One YAML config text, read in a single pass into a tree together with the line of every key,
 * so that errors found later (unknown keys, wrong types, values out of range) can name the line.
 * A key written twice in one mapping is refused (Jackson's duplicate detection), since YAML would
 * otherwise keep the second block and silently drop the first; a syntax error names its line.
 *
 * @param tree  the document's settings
 * @param lines the line of each key, by path ({@code brief.max-chars}, {@code sources.feeds[0].url})
 */
record YamlFile(ObjectNode tree, Map<String, Integer> lines) {
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL) // "port:" with nothing after it has no value
            .build();
    private static final ObjectMapper SCALARS = new ObjectMapper(FACTORY);

    YamlFile {
        lines = Map.copyOf(lines);
    }

    /**
     * Reads {@code text}; {@code name} (the file) is used in error messages. An empty document
     * has no settings.
     */
    static YamlFile read(String text, String name) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return new YamlFile(JsonNodeFactory.instance.objectNode(), lines);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ConfigException("config file " + name + " must be a mapping of settings");
            }
            try {
                return new YamlFile((ObjectNode) value(p, "", lines), lines);
            } catch (StreamReadException e) {
                throw unreadable(e, p, name, lines);
            }
        } catch (StreamReadException e) {
            throw unreadable(e, null, name, lines);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + name + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode value(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    object.set(key, value(p, child, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, path + "[" + array.size() + "]", lines));
                }
                return array;
            }
            default -> {
                return SCALARS.readTree(p);
            }
        }
    }

    private static ConfigException unreadable(StreamReadException e, JsonParser p, String name,
            Map<String, Integer> lines) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (p != null && message.startsWith("Duplicate field")) {
            String key = dotted(p.getParsingContext());
            Integer first = lines.get(key);
            return new ConfigException("setting " + key + " is written twice in " + name + ", at line "
                    + (first == null ? "" : first + " and line ") + line + " (YAML would silently keep only the second)", e);
        }
        return new ConfigException("config file " + name + " is not valid YAML at line " + line + ": "
                + problem(message), e);
    }

    /** The dotted path of the key the parser stopped at. */
    private static String dotted(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.add(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                segments.add(0, c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!segment.startsWith("[") && path.length() > 0) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    /** The parser's problem without the quoted source lines and position markers it repeats. */
    private static String problem(String message) {
        List<String> kept = new ArrayList<>();
        for (String line : message.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("in 'reader'") || t.equals("^") || line.startsWith("    ")) {
                continue;
            }
            kept.add(t);
        }
        return kept.isEmpty() ? message.strip() : String.join(", ", kept);
    }
}
