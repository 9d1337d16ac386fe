package dev.newsbrief.config;

import java.util.Map;
import java.util.Optional;

/**
 * Settings that earlier versions had and this one removed, with what replaced them. An operator's
 * file that still sets one is refused like any unknown key, but the message says the key was
 * retired and what to do, rather than suggesting a typo.
 */
final class RetiredSettings {
    private static final String SIMHASH = "retired with the SimHash near-duplicate check; the stories: section"
            + " replaces it (docs/STORIES.md, Upgrading): delete this line";
    private static final Map<String, String> RETIRED = Map.of(
            "ingest.near-duplicate-max-hamming", SIMHASH,
            "ingest.near-duplicate-min-containment", SIMHASH,
            "ingest.near-duplicate-min-words", SIMHASH,
            "alerts.near-duplicate-distance", SIMHASH,
            "alerts.near-duplicate-window", SIMHASH);

    private RetiredSettings() {
    }

    /** Why {@code path} is no longer a setting, if it was one once. */
    static Optional<String> why(String path) {
        return Optional.ofNullable(RETIRED.get(path));
    }

    /** The retired setting whose environment variable is {@code variable}, if any. */
    static Optional<String> byEnvironmentName(String variable) {
        return RETIRED.keySet().stream().filter(path -> Config.envName(path).equals(variable)).findFirst();
    }

    /** The refusal for an environment variable that names no setting. */
    static ConfigException unknownVariable(String variable) {
        return byEnvironmentName(variable)
                .map(path -> new ConfigException("environment variable " + variable + " sets " + path + ", which was "
                        + RETIRED.get(path).replace("delete this line", "unset it")))
                .orElseGet(() -> new ConfigException("environment variable " + variable + " names no setting "
                        + "(settings are listed in config/newsbrief.yaml)"));
    }

    /** The refusal for an unknown {@code path} found {@code where}. */
    static ConfigException unknown(String path, String where) {
        return new ConfigException(why(path)
                .map(reason -> "setting " + path + " at " + where + " was " + reason)
                .orElse("unknown setting " + path + " at " + where));
    }
}
