package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCliTest {
    @TempDir
    Path dir;

    private CliRun withInput(String input, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void noSubcommandWithoutATokenChatsFromAPipeWithABanner() {
        CliRun run = withInput("/help\n/subscribe Ukraine\n/subscriptions\n", "--data", dir.resolve("d").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().findFirst().orElse("")).contains("TELEGRAM_BOT_TOKEN");
        assertThat(run.out()).contains("/subscribe — Follow a topic").contains("• Ukraine");
    }

    @Test
    void chatSubcommandAnswersAQuestionOnAnEmptyIndex() {
        CliRun run = withInput("what is new about oil?\n", "chat", "--data", dir.resolve("d").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("oil");
        assertThat(run.err()).doesNotContain("Exception");
    }
}
