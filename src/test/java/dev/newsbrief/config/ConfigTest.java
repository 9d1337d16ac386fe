package dev.newsbrief.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromTheBundledFile() {
        assertThat(Config.defaults().settings().data().dir()).isEqualTo(Path.of("./data"));
        assertThat(Config.defaults().origin("data.dir")).isEqualTo("default");
    }

    @Test
    void fileThenEnvironmentOverride() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "data:\n  dir: /srv/nb\n  seeds: ''\n");
        Config c = Config.load(List.of(file), Map.of("NEWSBRIEF_DATA_SEEDS", "/seeds", "PATH", "/bin"));
        assertThat(c.settings().data().dir()).isEqualTo(Path.of("/srv/nb"));
        assertThat(c.origin("data.dir")).isEqualTo(file + ":2");
        assertThat(c.settings().data().seeds()).isEqualTo(Path.of("/seeds"));
        assertThat(c.origin("data.seeds")).isEqualTo("environment variable NEWSBRIEF_DATA_SEEDS");
    }

    @Test
    void unknownKeyNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "# comment\ndata:\n  dir: x\n  colour: blue\n");
        assertThatThrownBy(() -> Config.defaults().withFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting data.colour")
                .hasMessageContaining(file + ":4");
    }

    @Test
    void aRetiredKeySaysItWasRetiredAndWhatReplacesIt() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "alerts:\n  near-duplicate-distance: 3\n");
        assertThatThrownBy(() -> Config.defaults().withFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("setting alerts.near-duplicate-distance at " + file + ":2 was retired")
                .hasMessageContaining("stories:")
                .hasMessageNotContaining("unknown setting");
    }

    @Test
    void aRetiredEnvironmentVariableSaysWhichSettingItWasAndWhatReplacesIt() {
        assertThatThrownBy(() -> Config.defaults().withEnvironment(
                Map.of("NEWSBRIEF_INGEST_NEAR_DUPLICATE_MAX_HAMMING", "12")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSBRIEF_INGEST_NEAR_DUPLICATE_MAX_HAMMING sets ingest.near-duplicate-max-hamming")
                .hasMessageContaining("retired")
                .hasMessageContaining("stories:")
                .hasMessageContaining("unset it")
                .hasMessageNotContaining("names no setting");
    }

    @Test
    void unknownEnvironmentVariableIsAnError() {
        assertThatThrownBy(() -> Config.defaults().withEnvironment(Map.of("NEWSBRIEF_NOPE", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NEWSBRIEF_NOPE");
    }

    @Test
    void wrongTypeIsAnError() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "data:\n  dir:\n    nested: 1\n");
        assertThatThrownBy(() -> Config.defaults().withFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("data.dir")
                .hasMessageContaining(file + ":2");
    }

    @Test
    void invalidYamlIsReportedWithTheFile() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "data: [unclosed\n");
        assertThatThrownBy(() -> Config.defaults().withFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void envNamesAreUpperSnakeCase() {
        assertThat(Config.envName("telegram.base-url")).isEqualTo("NEWSBRIEF_TELEGRAM_BASE_URL");
    }

    @Test
    void durationsParse() {
        assertThat(Durations.parse("30s")).contains(java.time.Duration.ofSeconds(30));
        assertThat(Durations.parse("10m")).contains(java.time.Duration.ofMinutes(10));
        assertThat(Durations.parse("PT2S")).contains(java.time.Duration.ofSeconds(2));
        assertThat(Durations.parse("soon")).isEmpty();
    }

    @Test
    void emptyValuesAndNegativeDurationsAreErrors() throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "ops:\n  http:\n    port:\n");
        assertThatThrownBy(() -> Config.defaults().withFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting ops.http.port has no value; give one like its default (8080) at " + file + ":3");
        assertThatThrownBy(() -> Config.defaults().withEnvironment(Map.of("NEWSBRIEF_OPS_POLLING_STALE_AFTER", "-PT5S")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ops.polling-stale-after must be a duration");
        // plain text settings may still be emptied, e.g. to disable seeds
        Files.writeString(file, "data:\n  seeds:\n");
        assertThat(Config.defaults().withFile(file).settings().data().seedsFolder()).isEmpty();
    }
}
