package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCliTest {
    @TempDir
    Path dir;

    @Test
    void printsTheEffectiveConfigurationAndSucceeds() throws Exception {
        Path file = dir.resolve("prod.yaml");
        Files.writeString(file, "ops:\n  http:\n    port: 9091\nlog:\n  format: json\n");
        CliRun r = CliRun.of("config", "check", "--config", file.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("port: 9091").contains("format: \"json\"").contains("# configuration OK");
    }

    @Test
    void aBadSettingExitsOneWithOneLineNamingItAndTheLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "# ops\nops:\n  polling-stale-after: soon\n");
        CliRun r = CliRun.of("config", "check", "--config", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("newsbrief: setting ops.polling-stale-after must be a duration such as "
                + "30s, 10m or 6h (got \"soon\") at " + file + ":3");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void rangeAndEnumChecksBeyondTheSchema() throws Exception {
        Path port = dir.resolve("port.yaml");
        Files.writeString(port, "ops:\n  http:\n    port: 70000\n");
        CliRun r = CliRun.of("config", "check", "--config", port.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("ops.http.port must be between 0 and 65535 (got 70000) at " + port + ":3");

        Path format = dir.resolve("format.yaml");
        Files.writeString(format, "log:\n  format: xml\n");
        r = CliRun.of("config", "check", "--config", format.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("log.format must be text or json (got 'xml') at " + format + ":2");
    }

    @Test
    void anEmptyValueIsAnError() throws Exception {
        Path file = dir.resolve("empty.yaml");
        Files.writeString(file, "ops:\n  http:\n    enabled:\n");
        CliRun r = CliRun.of("config", "check", "--config", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("setting ops.http.enabled has no value").contains(file + ":3");
    }

    @Test
    void sectionsOwnedByOtherPackagesAreValidatedToo() throws Exception {
        Path file = dir.resolve("feeds.yaml");
        Files.writeString(file, "sources:\n  feeds:\n    - name: wire\n      url: ftp://example.org/feed\n");
        CliRun r = CliRun.of("config", "check", "--config", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("newsbrief: ").contains("sources.feeds").contains("wire");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void telegramSettingsAreValidated() throws Exception {
        Path file = dir.resolve("tg.yaml");
        Files.writeString(file, "telegram:\n  base-url: ftp://api.example.org\n");
        CliRun r = CliRun.of("config", "check", "--config", file.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("newsbrief: ").contains("telegram.base-url").doesNotContain("internal error");
    }
}
