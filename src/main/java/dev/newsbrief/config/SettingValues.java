package dev.newsbrief.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns the text of an environment variable (or a flag) into the kind of value a setting holds,
 * judged by the setting's default in the bundled file: {@code true}, a number, a list written
 * {@code a,b} or {@code [a, b]}, or text. The typed binding then checks it like a file value.
 */
final class SettingValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SettingValues() {}

    /** Parses {@code text} as the kind of the setting's default {@code def}; {@code where} names its origin. */
    static JsonNode fromText(String path, JsonNode def, String text, String where) {
        if (def.isBoolean()) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new ConfigException("setting " + path + " must be true or false (got '" + text + "') at " + where);
            }
            return BooleanNode.valueOf(Boolean.parseBoolean(t));
        }
        if (def.isIntegralNumber()) {
            try {
                return LongNode.valueOf(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("setting " + path + " must be a whole number (got '" + text + "') at " + where);
            }
        }
        if (def.isNumber()) {
            try {
                return JsonNodeFactory.instance.numberNode(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("setting " + path + " must be a number (got '" + text + "') at " + where);
            }
        }
        if (def.isArray()) {
            if (text.strip().startsWith("[")) {
                try {
                    return YAML.readTree(text);
                } catch (IOException e) {
                    throw new ConfigException("setting " + path + " is not a valid list at " + where, e);
                }
            }
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    arr.add(part.strip());
                }
            }
            return arr;
        }
        return TextNode.valueOf(text);
    }
}
