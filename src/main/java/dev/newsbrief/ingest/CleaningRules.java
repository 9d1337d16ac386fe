package dev.newsbrief.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The cleaning rules, kept as data in {@code ingest/cleaning-rules.yaml}: named regular
 * expressions that either rewrite text or drop whole lines of page chrome. Each rule carries
 * examples it must act on and lines it must keep, which the tests check one rule at a time.
 */
public final class CleaningRules {
    public static final String DEFAULT_RESOURCE = "ingest/cleaning-rules.yaml";

    /** What a rule does. */
    public enum Kind {
        /** Replace every match in the text. */
        REPLACE,
        /** Drop a line that matches as a whole. */
        DROP_LINE
    }

    /** One named rule. */
    public record Rule(String name, Kind kind, Pattern pattern, String replacement, boolean nonAsciiOnly,
            List<String> onlyIfContains, List<String> examples, List<String> keeps) {
        public Rule {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(pattern, "pattern");
            replacement = replacement == null ? "" : replacement;
            onlyIfContains = onlyIfContains == null ? List.of() : List.copyOf(onlyIfContains);
            examples = examples == null ? List.of() : List.copyOf(examples);
            keeps = keeps == null ? List.of() : List.copyOf(keeps);
            for (String example : examples) {
                if (!mayMatch(onlyIfContains, example)) {
                    throw new IngestException("rule " + name + ": example \"" + example
                            + "\" contains none of its only-if-contains strings " + onlyIfContains, null);
                }
            }
        }

        /** A rule without the only-if-contains prefilter. */
        public Rule(String name, Kind kind, Pattern pattern, String replacement, boolean nonAsciiOnly,
                List<String> examples, List<String> keeps) {
            this(name, kind, pattern, replacement, nonAsciiOnly, List.of(), examples, keeps);
        }

        /**
         * False when the text contains none of the strings the rule needs, so the regex cannot
         * match and need not run: a substring search is far cheaper than a regex scan.
         */
        private static boolean mayMatch(List<String> onlyIfContains, String text) {
            if (onlyIfContains.isEmpty()) {
                return true;
            }
            for (String needle : onlyIfContains) {
                if (text.contains(needle)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this drop-line rule treats {@code line} as chrome. */
        public boolean dropsLine(String line) {
            return kind == Kind.DROP_LINE && mayMatch(onlyIfContains, line) && pattern.matcher(line.strip()).matches();
        }

        /** This replace rule applied to {@code text}. */
        public String apply(String text) {
            return apply(text, isAscii(text));
        }

        String apply(String text, boolean ascii) {
            if (kind != Kind.REPLACE || (ascii && nonAsciiOnly) || !mayMatch(onlyIfContains, text)) {
                return text;
            }
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    private record RawRule(String name, String kind, String pattern, String replacement,
            @JsonProperty("non-ascii-only") boolean nonAsciiOnly,
            @JsonProperty("only-if-contains") List<String> onlyIfContains, List<String> examples, List<String> keeps) {
    }

    private record RawRules(List<RawRule> rules) {
    }

    private final List<Rule> rules;
    /** The drop-line rules, and their required strings searched in one pass ({@link #chromeRuleFor}). */
    private final List<Rule> dropRules;
    /** Null when there are more drop-line rules than one pass can tell apart (64). */
    private final Needles dropNeedles;

    public CleaningRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.dropRules = this.rules.stream().filter(r -> r.kind() == Kind.DROP_LINE).toList();
        this.dropNeedles = dropRules.size() > 64 ? null
                : new Needles(dropRules.stream().map(Rule::onlyIfContains).toList());
    }

    /** The rules shipped with newsbrief. */
    public static CleaningRules defaults() {
        return fromResource(DEFAULT_RESOURCE);
    }

    public static CleaningRules fromResource(String resource) {
        try (InputStream in = CleaningRules.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IngestException("cleaning rules " + resource + " are missing from the classpath", null);
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new IngestException("cannot read cleaning rules " + resource + ": " + e.getMessage(), e);
        }
    }

    static CleaningRules parse(InputStream in, String name) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        RawRules raw = yaml.readValue(in, RawRules.class);
        return new CleaningRules(raw.rules().stream().map(r -> compile(r, name)).toList());
    }

    private static Rule compile(RawRule r, String source) {
        Kind kind = switch (String.valueOf(r.kind())) {
            case "replace" -> Kind.REPLACE;
            case "drop-line" -> Kind.DROP_LINE;
            default -> throw new IngestException("rule " + r.name() + " in " + source + " has unknown kind "
                    + r.kind() + " (expected replace or drop-line)", null);
        };
        try {
            int flags = kind == Kind.DROP_LINE ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return new Rule(r.name(), kind, Pattern.compile(r.pattern(), flags), r.replacement(), r.nonAsciiOnly(),
                    r.onlyIfContains(), r.examples(), r.keeps());
        } catch (PatternSyntaxException e) {
            throw new IngestException("rule " + r.name() + " in " + source + " has a bad pattern: "
                    + e.getDescription(), e);
        }
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Applies the replace rules, in order. */
    public String rewrite(String text) {
        String out = text;
        boolean ascii = isAscii(text);
        for (Rule r : rules) {
            out = r.apply(out, ascii);
        }
        return out;
    }

    static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name of the first drop-line rule that treats {@code line} as chrome, or null to keep it:
     * {@link Rule#dropsLine} of each rule in order, with every rule's only-if-contains strings
     * looked for in one pass over the line.
     */
    public String chromeRuleFor(String line) {
        if (dropNeedles == null) {
            for (Rule r : dropRules) {
                if (r.dropsLine(line)) {
                    return r.name();
                }
            }
            return null;
        }
        long mayMatch = dropNeedles.rulesIn(line);
        for (int i = 0; i < dropRules.size(); i++) {
            Rule r = dropRules.get(i);
            if ((mayMatch & (1L << i)) != 0 && r.pattern().matcher(line.strip()).matches()) {
                return r.name();
            }
        }
        return null;
    }
}
