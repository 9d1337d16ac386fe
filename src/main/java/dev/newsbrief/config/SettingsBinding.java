package dev.newsbrief.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.newsbrief.core.DataSize;
import dev.newsbrief.core.OptionException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Binds the merged settings tree to {@link Settings} with Jackson, and writes it back. Keys are
 * the record components in kebab case (see {@link Bindings} for the exceptions); durations,
 * sizes, URLs and paths are types. Every Jackson failure becomes one {@link ConfigException}
 * naming the setting, the problem and where the value came from.
 */
final class SettingsBinding {
    private static final ObjectMapper MAPPER = mapper();

    private SettingsBinding() {}

    /** Where the values of a tree came from, and their defaults, for error messages. */
    interface Provenance {
        /** The file and line, environment variable or "default" that set {@code path} (or its nearest parent). */
        String origin(String path);

        /** The bundled default at {@code path}, or null when it has none (list items). */
        JsonNode defaultAt(String path);
    }

    static Settings bind(ObjectNode tree, Provenance provenance) {
        try {
            return MAPPER.treeToValue(tree, Settings.class);
        } catch (ValueInstantiationException e) {
            throw refused(e, tree, provenance);
        } catch (UnrecognizedPropertyException e) {
            throw unknown(e, tree, provenance);
        } catch (MismatchedInputException e) {
            throw mismatch(e, tree, provenance);
        } catch (JsonMappingException e) {
            String path = path(e.getPath());
            throw new ConfigException("setting " + path + " " + e.getOriginalMessage() + " at "
                    + provenance.origin(path), e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConfigException("the configuration cannot be read: " + e.getMessage(), e);
        }
    }

    /** The settings as a tree with the same keys and value formats as the config file. */
    static ObjectNode toTree(Settings settings) {
        return MAPPER.valueToTree(settings);
    }

    /** A plain value (a number, a list, a duration) as a tree node, written like the config file writes it. */
    static JsonNode valueTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static String yaml(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot render the configuration: " + e.getMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        SimpleModule types = new SimpleModule("newsbrief-settings")
                .addDeserializer(Duration.class, new DurationText())
                .addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
                    @Override
                    public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                        g.writeString(Durations.format(d));
                    }
                })
                .addDeserializer(DataSize.class, new SizeText())
                .addSerializer(DataSize.class, ToStringSerializer.instance)
                .addDeserializer(URI.class, new UrlText())
                .addSerializer(URI.class, ToStringSerializer.instance)
                .addDeserializer(Path.class, new PathText())
                .addSerializer(Path.class, ToStringSerializer.instance);
        ObjectMapper mapper = YAMLMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                // a value must have its setting's type: no "8" for 8, no 1.5 for a whole number
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(types)
                .build();
        // an empty value: no text, no list, no file; but a duration, size or URL must be given
        mapper.configOverride(String.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        mapper.configOverride(Set.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        mapper.configOverride(Duration.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        mapper.configOverride(DataSize.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        mapper.configOverride(URI.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL));
        Bindings.register(mapper);
        return mapper;
    }

    /** A record refused its values: name the component's setting when the record said which one. */
    private static ConfigException refused(ValueInstantiationException e, ObjectNode tree, Provenance provenance) {
        String at = path(e.getPath());
        if (e.getCause() instanceof OptionException bad) {
            String path = settingOf(e, bad.option(), at, tree);
            return new ConfigException("setting " + path + " " + bad.problem() + " at " + provenance.origin(path), e);
        }
        String problem = e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
        return new ConfigException((at.isEmpty() ? "settings are invalid: " : "settings under " + at + ": are invalid: ")
                + problem, e);
    }

    /** The key of record component {@code option}, found under the record's path {@code at}. */
    private static String settingOf(ValueInstantiationException e, String option, String at, ObjectNode tree) {
        String name = option;
        for (BeanPropertyDefinition p : MAPPER.getDeserializationConfig().introspect(e.getType()).findProperties()) {
            if (p.getInternalName().equals(option)) {
                name = p.getName();
            }
        }
        String direct = at.isEmpty() ? name : at + "." + name;
        JsonNode parent = at.isEmpty() ? tree : node(tree, at);
        if (parent != null && !parent.has(name)) {
            // the record is unwrapped into its parent with a prefix (passage-max-chars for max-chars)
            Iterator<String> keys = parent.fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                if (key.endsWith("-" + name)) {
                    return at.isEmpty() ? key : at + "." + key;
                }
            }
        }
        return direct;
    }

    private static ConfigException unknown(UnrecognizedPropertyException e, ObjectNode tree, Provenance provenance) {
        String path = path(e.getPath());
        String parent = path.substring(0, Math.max(0, path.lastIndexOf('.')));
        List<String> allowed = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        if (parent.endsWith("]")) {
            return new ConfigException(itemName(parent, tree) + ": unknown key '" + e.getPropertyName() + "' (allowed: "
                    + String.join(", ", allowed) + ")", e);
        }
        return new ConfigException("unknown setting " + path + " at " + provenance.origin(path), e);
    }

    private static ConfigException mismatch(MismatchedInputException e, ObjectNode tree, Provenance provenance) {
        String path = path(e.getPath());
        JsonNode value = node(tree, path);
        Class<?> target = e.getTargetType();
        String expected = expected(target);
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        if (value == null || value.isNull()) {
            JsonNode def = provenance.defaultAt(path);
            return new ConfigException("setting " + path + " has no value"
                    + (def == null ? "" : "; give one like its default (" + def.asText() + ")")
                    + " at " + provenance.origin(path), e);
        }
        if (parent.endsWith("]")) {
            // a field of a list item, such as sources.feeds[0].interval
            return new ConfigException(itemName(parent, tree) + ": " + path.substring(dot + 1) + " '" + text(value)
                    + "' is not " + expected, e);
        }
        if (path.endsWith("]") && target != null && target.isRecord()) {
            var components = target.getRecordComponents();
            String example = components.length < 2 ? "..." : kebab(components[0].getName()) + ": ..., "
                    + kebab(components[1].getName()) + ": ...";
            return new ConfigException(path + " must be a mapping such as {" + example + "}", e);
        }
        return new ConfigException("setting " + path + " must be " + expected + " (got " + value + ") at "
                + provenance.origin(path), e);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Duration.class) {
            return "a duration such as 30s, 10m or 6h";
        }
        if (type == DataSize.class) {
            return "a size such as 10MB";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class || type == Path.class || type == URI.class) {
            return "a single value";
        }
        return "a mapping";
    }

    /** {@code sources.feeds[0] (wire)}: a list item by position, and by name when it has one. */
    private static String itemName(String itemPath, ObjectNode tree) {
        JsonNode item = node(tree, itemPath);
        if (item != null && item.path("name").isTextual()) {
            return itemPath + " (" + item.get("name").asText() + ")";
        }
        return itemPath;
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** {@code telegram.rate.chat-interval}, {@code sources.feeds[0].url}: the path Jackson was at. */
    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The node at a dotted path with list indices, or null. */
    static JsonNode node(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            if (!key.isEmpty()) {
                n = n == null ? null : n.get(key);
            }
            while (bracket >= 0 && n != null) {
                int close = part.indexOf(']', bracket);
                n = n.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** Durations as operators write them; negative ones are refused. */
    private static final class DurationText extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            String text = p.getText();
            return Durations.parse(text).filter(d -> !d.isNegative()).orElseThrow(() ->
                    ctxt.weirdStringException(text, Duration.class, "not a duration"));
        }
    }

    private static final class SizeText extends JsonDeserializer<DataSize> {
        @Override
        public DataSize deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (DataSize) ctxt.handleUnexpectedToken(DataSize.class, p);
            }
            String text = p.getText();
            return DataSize.parse(text).orElseThrow(() -> ctxt.weirdStringException(text, DataSize.class, "not a size"));
        }
    }

    /**
     * URLs; a malformed one is reported without its text, since a mistaken {@code .../bot<token>}
     * path would put a token in the message.
     */
    private static final class UrlText extends JsonDeserializer<URI> {
        @Override
        public URI deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (URI) ctxt.handleUnexpectedToken(URI.class, p);
            }
            try {
                return new URI(p.getText().strip());
            } catch (URISyntaxException e) {
                throw JsonMappingException.from(p, "is not a valid URL (" + e.getReason() + " at character "
                        + (e.getIndex() + 1) + ")");
            }
        }
    }

    /** Paths; an empty value means none. */
    private static final class PathText extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return (Path) ctxt.handleUnexpectedToken(Path.class, p);
            }
            String text = p.getText();
            return text == null || text.isBlank() ? null : Path.of(text.strip());
        }
    }

}
