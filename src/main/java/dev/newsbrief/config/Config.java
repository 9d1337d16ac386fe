package dev.newsbrief.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The effective configuration: the bundled defaults, then the operator's files, then
 * {@code NEWSBRIEF_*} environment variables ({@code telegram.base-url} ↔ {@code NEWSBRIEF_TELEGRAM_BASE_URL}),
 * bound to the typed {@link Settings} tree.
 *
 * <p>The bundled {@code config/newsbrief.yaml} lists every key: a key it lacks is unknown. Values
 * are bound to the packages' options records, which fixes their types and ranges. Every error
 * names the setting and the file line or variable it came from. Instances are immutable.
 */
public final class Config {
    public static final String ENV_PREFIX = "NEWSBRIEF_";
    private static final String BUNDLED = "config/newsbrief.yaml";
    private static final Pattern SECRET = Pattern.compile("(?i).*(token|secret|password).*");

    private final ObjectNode schema;
    private final ObjectNode values;
    private final Map<String, String> origins;
    private final Settings settings;

    private Config(ObjectNode schema, ObjectNode values, Map<String, String> origins) {
        this.schema = schema;
        this.values = values;
        this.origins = Map.copyOf(origins);
        this.settings = SettingsBinding.bind(values, new SettingsBinding.Provenance() {
            @Override
            public String origin(String path) {
                return Config.this.origin(path);
            }

            @Override
            public JsonNode defaultAt(String path) {
                return SettingsBinding.node(schema, path);
            }
        });
    }

    /** The bundled defaults alone. */
    public static Config defaults() {
        return Bundled.DEFAULTS;
    }

    /**
     * Loads defaults, then each existing file in order, then the environment.
     *
     * @param files operator files, in increasing precedence; a null entry is skipped
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

    /** The typed settings. */
    public Settings settings() {
        return settings;
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
        YamlFile yaml = YamlFile.read(text, file.toString());
        if (yaml.tree().isEmpty()) {
            return this;
        }
        ObjectNode merged = values.deepCopy();
        Map<String, String> newOrigins = new HashMap<>(origins);
        merge("", yaml.tree(), schema, merged, path -> file + ":" + yaml.lines().getOrDefault(path, 0), newOrigins);
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
        boolean changed = false;
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().startsWith(ENV_PREFIX)) {
                continue;
            }
            String path = leafByEnv.get(e.getKey());
            if (path == null) {
                throw RetiredSettings.unknownVariable(e.getKey());
            }
            String where = "environment variable " + e.getKey();
            set(merged, path, SettingValues.fromText(path, schemaNode(path), e.getValue(), where));
            newOrigins.put(path, where);
            changed = true;
        }
        return changed ? new Config(schema, merged, newOrigins) : this;
    }

    /** A copy with one setting replaced by its key, as a flag or a test would set it. */
    public Config with(String path, Object value) {
        String where = "override";
        JsonNode def = schemaNode(path);
        JsonNode node = value instanceof String s ? SettingValues.fromText(path, def, s, where)
                : SettingsBinding.valueTree(value);
        ObjectNode merged = values.deepCopy();
        set(merged, path, node);
        Map<String, String> newOrigins = new HashMap<>(origins);
        newOrigins.put(path, where);
        return new Config(schema, merged, newOrigins);
    }

    public static String envName(String path) {
        return ENV_PREFIX + path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Where a setting's value came from: a file and line, an environment variable, "override" or "default". */
    public String origin(String path) {
        for (String p = path; !p.isEmpty(); p = parent(p)) {
            String where = origins.get(p);
            if (where != null) {
                return where;
            }
        }
        return "default";
    }

    /** The effective configuration as YAML, with secrets (tokens, passwords) masked. */
    public String describe() {
        ObjectNode tree = SettingsBinding.toTree(settings);
        mask(tree);
        return SettingsBinding.yaml(tree);
    }

    /** The values of every set secret (keys naming a token, secret or password), for log redaction. */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        collectSecrets(values, out);
        return List.copyOf(out);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
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
        JsonNode n = SettingsBinding.node(schema, path);
        if (n == null || path.contains("[")) {
            throw new ConfigException("unknown setting " + path);
        }
        return n;
    }

    private interface Where {
        String at(String path);
    }

    /** Lays {@code override} over {@code target}, refusing keys the bundled file does not have. */
    private static void merge(String prefix, ObjectNode override, ObjectNode schemaLevel, ObjectNode target,
            Where where, Map<String, String> origins) {
        Iterator<Map.Entry<String, JsonNode>> it = override.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode def = schemaLevel.get(e.getKey());
            if (def == null) {
                throw RetiredSettings.unknown(path, where.at(path));
            }
            if (def.isObject() && def.size() > 0) {
                if (!e.getValue().isObject()) {
                    throw new ConfigException("setting " + path + " must be a mapping, at " + where.at(path));
                }
                merge(path, (ObjectNode) e.getValue(), (ObjectNode) def, (ObjectNode) target.get(e.getKey()), where,
                        origins);
            } else {
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

    /** The bundled file, read and bound once. */
    private static final class Bundled {
        static final Config DEFAULTS = read();

        private static Config read() {
            try (InputStream in = Config.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new ConfigException("bundled " + BUNDLED + " is missing from the classpath");
                }
                ObjectNode tree = YamlFile.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED).tree();
                if (tree.isEmpty()) {
                    throw new ConfigException("bundled " + BUNDLED + " is empty");
                }
                return new Config(tree, tree.deepCopy(), Map.of());
            } catch (IOException e) {
                throw new ConfigException("bundled " + BUNDLED + " is unreadable: " + e.getMessage(), e);
            }
        }
    }
}
