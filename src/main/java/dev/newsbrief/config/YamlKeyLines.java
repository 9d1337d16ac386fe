package dev.newsbrief.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each key of a YAML text is written, so that config errors can name the file line. */
final class YamlKeyLines {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlKeyLines() {}

    /** Maps each dotted key path in a YAML text to the line it is written on. */
    static Map<String, Integer> of(String text) throws IOException {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        String pendingField = null;
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = p.currentName();
                        String path = stack.isEmpty() ? pendingField : String.join(".", reversed(stack)) + "." + pendingField;
                        lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT -> {
                        if (pendingField != null) {
                            stack.push(pendingField);
                        } else {
                            stack.push("[]");
                        }
                        pendingField = null;
                    }
                    case END_OBJECT -> {
                        if (!stack.isEmpty()) {
                            stack.pop();
                        }
                    }
                    case START_ARRAY -> {
                        p.skipChildren();
                        pendingField = null;
                    }
                    default -> pendingField = null;
                }
            }
        }
        // the document's own mapping pushes a root marker; strip it from the recorded paths
        Map<String, Integer> cleaned = new LinkedHashMap<>();
        lines.forEach((k, v) -> cleaned.put(k.startsWith("[].") ? k.substring(3) : k, v));
        return cleaned;
    }

    private static List<String> reversed(Deque<String> stack) {
        List<String> out = new ArrayList<>(stack);
        Collections.reverse(out);
        return out;
    }
}
