package dev.newsbrief.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.core.DataSize;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.RetrievalOptions;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.ops.LogOptions;
import dev.newsbrief.ops.OpsSettings;
import dev.newsbrief.sources.SourcesOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed tree: every key of the bundled file binds, errors name key and line, and check output reloads. */
class SettingsBindingTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void everyKeyOfTheBundledFileHasAComponentAndBackAgain() throws Exception {
        JsonNode bundled;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("config/newsbrief.yaml")) {
            bundled = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        JsonNode written = SettingsBinding.toTree(Config.defaults().settings());
        assertThat(leaves(written, "")).containsExactlyInAnyOrderElementsOf(leaves(bundled, ""));
    }

    @Test
    void thePackagesDefaultsAreTheBundledDefaults() {
        Settings s = Config.defaults().settings();
        assertThat(s.alerts()).isEqualTo(AlertsOptions.DEFAULTS);
        assertThat(s.languages()).isEqualTo(dev.newsbrief.lang.LanguageOptions.DEFAULTS);
        assertThat(s.brief()).isEqualTo(BriefOptions.defaults());
        assertThat(s.index()).isEqualTo(PassageIndex.Options.DEFAULTS);
        assertThat(s.retrieval()).isEqualTo(RetrievalOptions.DEFAULTS);
        assertThat(s.ingest().ingester()).isEqualTo(Ingester.Options.DEFAULTS);
        assertThat(s.stories()).isEqualTo(dev.newsbrief.stories.StoryOptions.DEFAULTS);
        assertThat(s.ingest().progressMinSize()).isEqualTo(DataSize.ofMegabytes(5));
        assertThat(s.ops()).isEqualTo(OpsSettings.DEFAULTS);
        assertThat(s.store()).isEqualTo(dev.newsbrief.store.StoreOptions.DEFAULTS);
        assertThat(s.telegram().mode()).isEqualTo("polling");
        assertThat(s.telegram().webhook()).isEqualTo(dev.newsbrief.telegram.TelegramSettings.Webhook.DEFAULTS);
        assertThat(s.log()).isEqualTo(LogOptions.DEFAULTS);
        assertThat(s.sources()).isEqualTo(SourcesOptions.DEFAULTS);
        assertThat(s.chatSettings()).isEqualTo(ChatSettings.defaults());
        assertThat(s.chat().terminalChatId()).isZero();
        assertThat(s.data().seedsFolder()).contains(Path.of("./seeds"));
        assertThat(s.telegram().rate().chatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.telegram().retry().initialBackoff()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theCheckOutputIsAConfigFileThatLoadsToTheSameSettings() throws Exception {
        Config custom = Config.load(List.of(file("""
                brief:
                  bm25-k1: 1.2
                  recency-half-life: 36h
                ingest:
                  max-file-size: 512kb
                telegram:
                  admins: [7, 8]
                sources:
                  feeds:
                    - {name: wire, url: "https://example.org/rss", include: grain}
                """)), Map.of());
        Path printed = dir.resolve("printed.yaml");
        Files.writeString(printed, custom.describe());
        assertThat(Config.load(List.of(printed), Map.of()).settings()).isEqualTo(custom.settings());
        assertThat(custom.describe()).contains("recency-half-life: \"36h\"").contains("max-file-size: \"512KB\"");
    }

    @Test
    void environmentOverridesLandInTheTypedTree() {
        Settings s = Config.defaults().withEnvironment(Map.of("NEWSBRIEF_TELEGRAM_ADMINS", "7, 8",
                "NEWSBRIEF_INGEST_MAX_FILE_SIZE", "1MB", "NEWSBRIEF_TELEGRAM_RATE_CHAT_INTERVAL", "250ms",
                "NEWSBRIEF_BRIEF_BM25_B", "0.75")).settings();
        assertThat(s.telegram().admins()).isEqualTo(Set.of(7L, 8L));
        assertThat(s.chatSettings().isAdmin(8L)).isTrue();
        assertThat(s.ingest().ingester().maxFileSize()).isEqualTo(DataSize.ofMegabytes(1));
        assertThat(s.telegram().rate().chatInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.brief().ranking().b()).isEqualTo(0.75f);
    }

    @Test
    void aKeyWrittenTwiceIsRefusedWithItsLine() throws Exception {
        Path f = file("brief:\n  max-items: 2\nops:\n  http:\n    port: 1\nbrief:\n  max-chars: 500\n");
        assertThatThrownBy(() -> Config.defaults().withFile(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage("setting brief is written twice in " + f + ", at line 1 and line 6 (YAML would silently"
                        + " keep only the second)");
        Path nested = file("sources:\n  feeds:\n    - name: a\n      url: http://a/1\n      url: http://a/2\n");
        assertThatThrownBy(() -> Config.defaults().withFile(nested))
                .hasMessageStartingWith("setting sources.feeds[0].url is written twice in " + nested + ", at line 4 and"
                        + " line 5");
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path f = file("data:\n  dir: ./data\nbrief:\n  max-items: [3\nalerts:\n  max-attempts: 2\n");
        assertThatThrownBy(() -> Config.defaults().withFile(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + f + " is not valid YAML at line 5: ")
                .message().doesNotContain("\n");
    }

    @Test
    void rangeErrorsOfThePackagesRecordsNameTheKeyAndLine() throws Exception {
        Path f = file("brief:\n  max-chars: 50\n");
        assertThatThrownBy(() -> Config.defaults().withFile(f))
                .hasMessage("setting brief.max-chars must be between 100 and 4000, got 50 at " + f + ":2");
        Path renamed = file("alerts:\n  max-subscriptions-per-chat: 0\n");
        assertThatThrownBy(() -> Config.defaults().withFile(renamed))
                .hasMessage("setting alerts.max-subscriptions-per-chat must be at least 1 (got 0) at " + renamed + ":2");
        Path unwrapped = file("# ranking\nbrief:\n  bm25-b: 2\n");
        assertThatThrownBy(() -> Config.defaults().withFile(unwrapped))
                .hasMessage("setting brief.bm25-b must be between 0 and 1 (BM25), got 2.0 at " + unwrapped + ":3");
        Path nested = file("telegram:\n  rate:\n    group-per-minute: 0\n");
        assertThatThrownBy(() -> Config.defaults().withFile(nested))
                .hasMessage("setting telegram.rate.group-per-minute must be positive (got 0) at " + nested + ":3");
    }

    @Test
    void typeErrorsNameTheKeyTheTypeAndTheLine() throws Exception {
        Path f = file("brief:\n  max-items: 1.5\n");
        assertThatThrownBy(() -> Config.defaults().withFile(f))
                .hasMessage("setting brief.max-items must be a whole number (got 1.5) at " + f + ":2");
        Path size = file("ingest:\n  max-file-size: lots\n");
        assertThatThrownBy(() -> Config.defaults().withFile(size))
                .hasMessage("setting ingest.max-file-size must be a size such as 10MB (got \"lots\") at " + size + ":2");
        Path quoted = file("alerts:\n  max-attempts: \"8\"\n");
        assertThatThrownBy(() -> Config.defaults().withFile(quoted))
                .hasMessageContaining("setting alerts.max-attempts must be a whole number");
        Path admins = file("telegram:\n  admins: [12, bob]\n");
        assertThatThrownBy(() -> Config.defaults().withFile(admins))
                .hasMessage("setting telegram.admins[1] must be a whole number (got \"bob\") at " + admins + ":2");
        assertThatThrownBy(() -> Config.defaults().withEnvironment(Map.of("NEWSBRIEF_INGEST_BATCH_MAX_ARTICLES", "0")))
                .hasMessage("setting ingest.batch-max-articles must be positive: 0 at environment variable "
                        + "NEWSBRIEF_INGEST_BATCH_MAX_ARTICLES");
    }

    private static List<String> leaves(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && e.getValue().size() > 0) {
                out.addAll(leaves(e.getValue(), path));
            } else {
                out.add(path);
            }
        });
        return out;
    }
}
