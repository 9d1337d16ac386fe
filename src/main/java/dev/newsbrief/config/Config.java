package dev.newsbrief.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The effective configuration: the bundled defaults, then the operator's files, then
 * {@code NEWSBRIEF_*} environment variables ({@code telegram.base-url} ↔ {@code NEWSBRIEF_TELEGRAM_BASE_URL}).
 *
 * <p>The bundled {@code config/newsbrief.yaml} is the schema: a key it lacks is unknown, and a
 * value must have the type of its default (a default such as {@code 30s} makes a duration). Every
 * error names the setting and the file line or variable it came from. Instances are immutable.
 */
public final class Config {
    public static final String ENV_PREFIX = "NEWSBRIEF_";
    private static final String BUNDLED = "config/newsbrief.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern SECRET = Pattern.compile("(?i).*(token|secret|password).*");

    private final ObjectNode schema;
    private final ObjectNode values;
    private final Map<String, String> origins;

    private Config(ObjectNode schema, ObjectNode values, Map<String, String> origins) {
        this.schema = schema;
        this.values = values;
        this.origins = Map.copyOf(origins);
    }

    /** The bundled defaults alone. */
    public static Config defaults() {
        ObjectNode schema = bundledSchema();
        return new Config(schema, schema.deepCopy(), Map.of());
    }

    /**
     * Loads defaults, then each existing file in order, then the environment.
     *
     * @param files operator files, in increasing precedence; a null entry or a missing optional file is skipped
     * @param env   the environment, usually {@code System.getenv()}
     */
    public static Config load(List<Path> files, Map<String, String> env) {
        Config config = defaults();
        for (Path file : files) {
            if (file != null) {
                config = config.withFile(file);
            }
        }
        return config.withEnvironment(env);
    }

    /** This config with {@code file} laid over it; the file must exist. */
    public Config withFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        JsonNode tree;
        Map<String, Integer> lines;
        try {
            tree = YAML.readTree(text);
            lines = YamlKeyLines.of(text);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return this;
        }
        if (!tree.isObject()) {
            throw new ConfigException("config file " + file + " must be a mapping of settings");
        }
        ObjectNode merged = values.deepCopy();
        Map<String, String> newOrigins = new HashMap<>(origins);
        merge("", (ObjectNode) tree, schema, merged, path -> file + ":" + lines.getOrDefault(path, 0), newOrigins);
        return new Config(schema, merged, newOrigins);
    }

    /** This config with every {@code NEWSBRIEF_*} variable applied; an unknown one is an error. */
    public Config withEnvironment(Map<String, String> env) {
        Map<String, String> leafByEnv = new HashMap<>();
        for (String path : leafPaths(schema, "")) {
            leafByEnv.put(envName(path), path);
        }
        ObjectNode merged = values.deepCopy();
        Map<String, String> newOrigins = new HashMap<>(origins);
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String path = leafByEnv.get(e.getKey());
            if (path == null) {
                throw new ConfigException("environment variable " + e.getKey() + " names no setting "
                        + "(settings are listed in config/newsbrief.yaml)");
            }
            String where = "environment variable " + e.getKey();
            set(merged, path, SettingValues.fromText(path, schemaNode(path), e.getValue(), where));
            newOrigins.put(path, where);
        }
        return new Config(schema, merged, newOrigins);
    }

    /** A copy with one setting replaced; for tests and for flags that override settings. */
    public Config with(String path, Object value) {
        JsonNode def = schemaNode(path);
        JsonNode node = value instanceof String s ? SettingValues.fromText(path, def, s, "override") : YAML.valueToTree(value);
        SettingValues.check(path, def, node, "override");
        ObjectNode merged = values.deepCopy();
        set(merged, path, node);
        Map<String, String> newOrigins = new HashMap<>(origins);
        newOrigins.put(path, "override");
        return new Config(schema, merged, newOrigins);
    }

    public static String envName(String path) {
        return ENV_PREFIX + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    public String string(String path) {
        JsonNode n = node(path);
        return n.isNull() ? null : n.asText();
    }

    public Optional<String> optionalString(String path) {
        String s = string(path);
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    public int integer(String path) {
        return (int) number(path);
    }

    public long number(String path) {
        JsonNode n = node(path);
        if (!n.canConvertToLong()) {
            throw new ConfigException("setting " + path + " is not a whole number (" + origin(path) + ")");
        }
        return n.asLong();
    }

    public double decimal(String path) {
        return node(path).asDouble();
    }

    public boolean bool(String path) {
        return node(path).asBoolean();
    }

    public Duration duration(String path) {
        return Durations.parse(node(path).asText()).orElseThrow(() ->
                new ConfigException("setting " + path + " is not a duration (" + origin(path) + ")"));
    }

    public List<String> strings(String path) {
        List<String> out = new ArrayList<>();
        node(path).forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** The raw value tree at {@code path}, for structured settings such as lists of sources. */
    public JsonNode node(String path) {
        JsonNode n = values;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null) {
                throw new ConfigException("unknown setting " + path);
            }
        }
        return n;
    }

    /** Where a setting's value came from: a file and line, an environment variable, or "default". */
    public String origin(String path) {
        return origins.getOrDefault(path, "default");
    }

    /** The effective configuration as YAML, with secrets (tokens, passwords) masked. */
    public String describe() {
        ObjectNode masked = values.deepCopy();
        mask(masked);
        try {
            return YAML.writeValueAsString(masked);
        } catch (IOException e) {
            throw new ConfigException("cannot render config: " + e.getMessage(), e);
        }
    }

    /** The values of every set secret (keys naming a token, secret or password), for log redaction. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        collectSecrets(values, out);
        return List.copyOf(out);
    }

    private static void collectSecrets(JsonNode node, List<String> out) {
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                collectSecrets(e.getValue(), out);
            } else if (SECRET.matcher(e.getKey()).matches() && e.getValue().isValueNode()
                    && !e.getValue().asText().isBlank()) {
                out.add(e.getValue().asText());
            }
        });
    }

    private static void mask(ObjectNode node) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        List<String> secrets = new ArrayList<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) {
                mask((ObjectNode) e.getValue());
            } else if (SECRET.matcher(e.getKey()).matches() && !e.getValue().isNull()
                    && !e.getValue().asText().isEmpty()) {
                secrets.add(e.getKey());
            }
        }
        secrets.forEach(k -> node.put(k, "****"));
    }

    private JsonNode schemaNode(String path) {
        JsonNode n = schema;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null) {
                throw new ConfigException("unknown setting " + path);
            }
        }
        return n;
    }

    private interface Where {
        String at(String path);
    }

    private static void merge(String prefix, ObjectNode override, ObjectNode schemaLevel, ObjectNode target,
            Where where, Map<String, String> origins) {
        Iterator<Map.Entry<String, JsonNode>> it = override.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = schemaLevel.get(e.getKey());
            if (def == null) {
                throw new ConfigException("unknown setting " + path + " at " + where.at(path));
            }
            if (def.isObject() && def.size() > 0) {
                if (!e.getValue().isObject()) {
                    throw new ConfigException("setting " + path + " must be a mapping, at " + where.at(path));
                }
                merge(path, (ObjectNode) e.getValue(), (ObjectNode) def, (ObjectNode) target.get(e.getKey()), where,
                        origins);
            } else {
                SettingValues.check(path, def, e.getValue(), where.at(path));
                target.set(e.getKey(), e.getValue());
                origins.put(path, where.at(path));
            }
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            n = (ObjectNode) n.get(parts[i]);
        }
        n.set(parts[parts.length - 1], value);
    }

    private static List<String> leafPaths(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && e.getValue().size() > 0) {
                out.addAll(leafPaths(e.getValue(), path));
            } else {
                out.add(path);
            }
        });
        return out;
    }

    private static ObjectNode bundledSchema() {
        try (InputStream in = Config.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ConfigException("bundled " + BUNDLED + " is missing from the classpath");
            }
            JsonNode n = YAML.readTree(in);
            if (n == null || !n.isObject()) {
                throw new ConfigException("bundled " + BUNDLED + " is empty");
            }
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new ConfigException("bundled " + BUNDLED + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
