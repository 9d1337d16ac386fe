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
import java.time.Duration;
import java.util.Locale;

/** Type rules for settings: a value must have the type of the setting's default in the bundled file. */
final class SettingValues {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SettingValues() {}

    /** Fails with the setting, the problem and {@code where} unless {@code value} fits the default's type. */
    static void check(String path, JsonNode def, JsonNode value, String where) {
        if (def.isNull()) {
            return;
        }
        if (value.isNull()) {
            // an empty value would read as false, 0 or no duration; only plain text settings may be left empty
            if (!def.isTextual() || Durations.looksLikeDuration(def.asText())) {
                throw new ConfigException("setting " + path + " has no value; give one like its default ("
                        + def.asText() + ") at " + where);
            }
            return;
        }
        String problem = null;
        if (def.isBoolean() && !value.isBoolean()) {
            problem = "must be true or false";
        } else if (def.isIntegralNumber() && !value.isIntegralNumber()) {
            problem = "must be a whole number";
        } else if (def.isNumber() && !value.isNumber()) {
            problem = "must be a number";
        } else if (def.isArray() && !value.isArray()) {
            problem = "must be a list";
        } else if (def.isObject() && !value.isObject()) {
            problem = "must be a mapping";
        } else if (def.isTextual() && Durations.looksLikeDuration(def.asText())
                && Durations.parse(value.asText()).map(Duration::isNegative).orElse(true)) {
            problem = "must be a duration such as 30s, 10m or 6h";
        } else if (def.isTextual() && !value.isValueNode()) {
            problem = "must be a single value";
        }
        if (problem != null) {
            throw new ConfigException("setting " + path + " " + problem + " (got " + value + ") at " + where);
        }
    }

    /** Parses an environment or override text as the type of the setting's default {@code def}. */
    static JsonNode fromText(String path, JsonNode def, String text, String where) {
        JsonNode node;
        if (def.isBoolean()) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new ConfigException("setting " + path + " must be true or false (got '" + text + "') at " + where);
            }
            node = BooleanNode.valueOf(Boolean.parseBoolean(t));
        } else if (def.isIntegralNumber()) {
            try {
                node = LongNode.valueOf(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("setting " + path + " must be a whole number (got '" + text + "') at " + where);
            }
        } else if (def.isNumber()) {
            try {
                node = JsonNodeFactory.instance.numberNode(Double.parseDouble(text.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("setting " + path + " must be a number (got '" + text + "') at " + where);
            }
        } else if (def.isArray()) {
            ArrayNode arr = JsonNodeFactory.instance.arrayNode();
            if (text.strip().startsWith("[")) {
                try {
                    return YAML.readTree(text);
                } catch (IOException e) {
                    throw new ConfigException("setting " + path + " is not a valid list at " + where, e);
                }
            }
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    arr.add(part.strip());
                }
            }
            node = arr;
        } else {
            node = TextNode.valueOf(text);
        }
        check(path, def, node, where);
        return node;
    }
}
