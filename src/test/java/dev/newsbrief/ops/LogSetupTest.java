package dev.newsbrief.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.newsbrief.config.Config;
import dev.newsbrief.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** logback.xml's appender uses the redacting encoder, and the log settings reach it. */
class LogSetupTest {
    @AfterEach
    void restore() {
        LogSetup.apply(Config.defaults().settings().log(), List.of());
    }

    @Test
    void theBundledLogbackConfigurationRedactsAndSwitchesFormat() {
        List<RedactingEncoder> encoders = LogSetup.encoders(LoggerFactory.getILoggerFactory());
        assertThat(encoders).hasSize(1);

        int updated = LogSetup.apply(Config.defaults().with("log.format", "json").with("log.level", "debug").settings().log(),
                List.of("a-configured-secret-value"));
        assertThat(updated).isEqualTo(1);
        assertThat(encoders.get(0).format()).isEqualTo("json");
        assertThat(encoders.get(0).redactor().redact("x a-configured-secret-value y")).isEqualTo("x **** y");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(context.getLogger("dev.newsbrief").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void badFormatOrLevelNamesTheSetting() {
        assertThatThrownBy(() -> Config.defaults().with("log.format", "xml").settings().log())
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.format must be text or json");
        assertThatThrownBy(() -> Config.defaults().with("log.level", "loud").settings().log())
                .isInstanceOf(ConfigException.class).hasMessageContaining("log.level must be one of ERROR");
    }
}
