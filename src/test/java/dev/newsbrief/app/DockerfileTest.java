package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.config.Config;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The image follows the operations contract; DockerImageIT then runs its command line for real. */
class DockerfileTest {
    private final Dockerfile image;

    DockerfileTest() throws Exception {
        image = Dockerfile.read(Path.of("Dockerfile"));
    }

    @Test
    void buildsWithMavenOnJdk21AndRunsOnAJre21() {
        assertThat(image.stages()).containsExactly("maven:3-eclipse-temurin-21 AS build", "eclipse-temurin:21-jre");
        assertThat(image.copies()).contains(new Dockerfile.Copy("build", "/build/target/newsbrief.jar",
                "/app/newsbrief.jar"));
    }

    @Test
    void runsAsANonRootUserWithDataInAVolumeAndTheConfigAndSeedsInApp() {
        assertThat(image.user()).isNotIn("root", "0", "").doesNotStartWith("0:");
        assertThat(image.volumes()).containsExactly("/data");
        assertThat(image.workdir()).isEqualTo("/app");
        assertThat(image.copies()).contains(new Dockerfile.Copy(null, "config/newsbrief.yaml",
                "/app/config/newsbrief.yaml"), new Dockerfile.Copy(null, "seeds", "/app/seeds"));
        assertThat(image.env()).containsEntry("NEWSBRIEF_DATA_DIR", "/data")
                .containsEntry("NEWSBRIEF_DATA_SEEDS", "/app/seeds");
    }

    @Test
    void everyEnvironmentSettingNamesARealSetting() {
        // Config rejects unknown NEWSBRIEF_* variables, so a typo here would stop the container at start
        Config config = Config.defaults().withEnvironment(image.env());
        assertThat(config.settings().ops().http().bind()).isEqualTo("0.0.0.0");
        assertThat(config.settings().ops().http().port()).isEqualTo(8080);
    }

    @Test
    void healthcheckProbesTheHealthEndpointOnTheConfiguredPort() {
        assertThat(image.healthcheck()).startsWith("--interval=").contains("CMD curl -fsS");
        assertThat(image.healthcheckUrl()).isEqualTo("http://127.0.0.1:" + image.env().get("NEWSBRIEF_OPS_HTTP_PORT")
                + "/healthz");
    }

    @Test
    void theJvmSizesItsHeapFromTheContainerLimitAndRunsTheBot() {
        assertThat(image.entrypoint()).startsWith("java").contains("-jar", "/app/newsbrief.jar")
                .anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="));
        assertThat(image.cmd()).containsExactly("run");
        assertThat(image.env()).doesNotContainKey("TELEGRAM_BOT_TOKEN");
    }
}
