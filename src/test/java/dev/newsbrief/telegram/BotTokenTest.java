package dev.newsbrief.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.core.NewsbriefException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotTokenTest {
    @TempDir
    Path dir;

    @Test
    void comesFromTheEnvironmentElseTheFileAndNeverPrints() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, "  42:from-file \n");
        BotToken env = BotToken.resolve(Map.of("TELEGRAM_BOT_TOKEN", "42:from-env"), file).orElseThrow();
        assertThat(env.value()).isEqualTo("42:from-env");
        BotToken fromFile = BotToken.resolve(Map.of(), file).orElseThrow();
        assertThat(fromFile.value()).isEqualTo("42:from-file");
        assertThat(fromFile.toString()).doesNotContain("from-file");
        assertThat(fromFile.redact("GET /bot42:from-file/getMe failed")).isEqualTo("GET /bot<redacted-token>/getMe failed");
        assertThat(BotToken.resolve(Map.of(), null)).isEmpty();
        assertThatThrownBy(() -> BotToken.resolve(Map.of(), dir.resolve("missing")))
                .isInstanceOf(NewsbriefException.class).hasMessageContaining("token file");
    }
}
